//! The module event log (`compartments run --events`): one JSON object per line for every
//! module [[Status]] change, every HostLoadImportedModule request and its result, and every
//! settlement of a promise that the module algorithms create (LoadRequestedModules'
//! GraphLoadingState promise, [[TopLevelCapability]], ExecuteAsyncModule's capability,
//! `import()`'s capability). It is what other engines' implementers diff against, so the
//! key order of each kind is fixed and the values are short strings or integers.
//!
//! The log is off unless the host installs a sink ([`Agent::events`]); every emitting
//! function checks that first, so with the log off an event costs one `Option` test and
//! nothing is built. More kinds will come (the Compartments hook calls): add a variant and
//! its line in [`Event::to_json`].

use super::abstract_module_records::{AsyncEvaluationOrder, Module, ModuleStatus};
use super::agents::Agent;
use super::compartments::compartment_records::{Compartment, MemoEntry};
use super::completion_record::JsResult;
use super::evaluators::Evaluators;
use super::module_semantics::Referrer;
use super::object_kinds::ObjectKind;
use super::object_type::{Object, Property, PropertyKey};
use super::value::Value;
use crate::syntax::ast::{ImportPhase, ModuleRequest};
use std::cell::RefCell;
use std::fmt::Write as _;

/// One entry of the log.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A module's [[Status]] changed (`from` is `None` when ParseModule created it with
    /// status new); the fields are read after the change and the fields the same group of
    /// steps sets (InnerModuleLinking steps 4–6, InnerModuleEvaluation steps 5–8).
    Status {
        module: String,
        from: Option<ModuleStatus>,
        to: ModuleStatus,
        dfs_index: Option<usize>,
        dfs_ancestor_index: Option<usize>,
        async_evaluation_order: AsyncEvaluationOrder,
        pending_async_dependencies: Option<usize>,
        /// [[EvaluationError]]'s value, rendered briefly; `None` for empty.
        evaluation_error: Option<String>,
    },
    /// HostLoadImportedModule(referrer, moduleRequest, ...) was called.
    LoadRequest {
        referrer: String,
        specifier: String,
        phase: &'static str,
        attributes: Vec<(String, String)>,
    },
    /// FinishLoadingImportedModule(referrer, moduleRequest, payload, result): the module's
    /// name, or the thrown value rendered briefly.
    LoadResult {
        referrer: String,
        specifier: String,
        result: Result<String, String>,
    },
    /// A promise the module algorithms made was fulfilled or rejected.
    Promise {
        promise: String,
        fulfilled: bool,
        value: String,
    },
    /// A Compartments hook was called (importHook, importMetaHook, a virtual module
    /// source's execute): on whose behalf, its `this`, its arguments, and what it returned
    /// or threw, each rendered briefly.
    HookCall {
        hook: &'static str,
        on_behalf_of: HookOwner,
        this: String,
        arguments: Vec<String>,
        result: Result<String, String>,
    },
    /// `new Evaluators(options)` made an Evaluators record (Compartments layer 3): its
    /// name, its parent (the caller's Evaluators, which absent options come from), its
    /// global object and whether it shares the parent's Global Environment Record, and
    /// its import hook and import meta, each rendered briefly.
    Evaluators {
        evaluators: String,
        parent: String,
        global_this: String,
        shares_global_environment: bool,
        import_hook: String,
        import_meta: String,
    },
    /// `new Compartment(options)` made a compartment (layer 4): its name, its parent and
    /// its Evaluators.
    Compartment {
        compartment: String,
        parent: String,
        evaluators: String,
    },
    /// A compartment interpreted a module descriptor for a full specifier; `kind` says
    /// which form it was.
    Descriptor {
        compartment: String,
        specifier: String,
        kind: &'static str,
    },
    /// A compartment found a full specifier in its memo: `loaded` or `loading`.
    MemoHit {
        compartment: String,
        specifier: String,
        state: &'static str,
    },
    /// `lockdown()` removed a property the permits do not allow (or restored a
    /// prototype): its path from the intrinsic (`%Array.prototype%.extra`) and what it did.
    LockdownRemoved { path: String, action: String },
    /// `lockdown()` finished, with each option's value.
    LockedDown { options: Vec<(String, String)> },
}

/// Whom a hook runs for: a module (layer 0's hooks, a virtual module's `execute`) or an
/// Evaluators record (layer 3's importHook for dynamic import in script contexts).
#[derive(Clone, Debug, PartialEq)]
pub enum HookOwner {
    Module(String),
    Evaluators(String),
    /// Layer 4's resolveHook and loadHook.
    Compartment(String),
}

impl Event {
    /// The `"event"` field: the kind.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::Status { .. } => "status",
            Event::LoadRequest { .. } => "load-request",
            Event::LoadResult { .. } => "load-result",
            Event::Promise { .. } => "promise",
            Event::HookCall { .. } => "hook",
            Event::Evaluators { .. } => "evaluators",
            Event::Compartment { .. } => "compartment",
            Event::Descriptor { .. } => "descriptor",
            Event::MemoHit { .. } => "memo",
            Event::LockdownRemoved { .. } => "lockdown-removed",
            Event::LockedDown { .. } => "lockdown",
        }
    }

    /// The event as one line of JSON, `"event"` first and the other keys in a fixed order.
    pub fn to_json(&self) -> String {
        let mut line = String::from("{");
        field(&mut line, "event", &string(self.kind()));
        match self {
            Event::Status {
                module,
                from,
                to,
                dfs_index,
                dfs_ancestor_index,
                async_evaluation_order,
                pending_async_dependencies,
                evaluation_error,
            } => {
                field(&mut line, "module", &string(module));
                let from = from.map_or("null".to_string(), |s| string(s.name()));
                field(&mut line, "from", &from);
                field(&mut line, "to", &string(to.name()));
                field(&mut line, "DFSIndex", &integer(*dfs_index));
                field(&mut line, "DFSAncestorIndex", &integer(*dfs_ancestor_index));
                let order = match async_evaluation_order {
                    AsyncEvaluationOrder::Unset => string("unset"),
                    AsyncEvaluationOrder::Order(n) => n.to_string(),
                    AsyncEvaluationOrder::Done => string("done"),
                };
                field(&mut line, "AsyncEvaluationOrder", &order);
                let pending = integer(*pending_async_dependencies);
                field(&mut line, "PendingAsyncDependencies", &pending);
                let error = evaluation_error
                    .as_deref()
                    .map_or("null".to_string(), string);
                field(&mut line, "EvaluationError", &error);
            }
            Event::LoadRequest {
                referrer,
                specifier,
                phase,
                attributes,
            } => {
                field(&mut line, "referrer", &string(referrer));
                field(&mut line, "specifier", &string(specifier));
                field(&mut line, "phase", &string(phase));
                let mut object = String::from("{");
                for (key, value) in attributes {
                    field(&mut object, key, &string(value));
                }
                object.push('}');
                field(&mut line, "attributes", &object);
            }
            Event::LoadResult {
                referrer,
                specifier,
                result,
            } => {
                field(&mut line, "referrer", &string(referrer));
                field(&mut line, "specifier", &string(specifier));
                match result {
                    Ok(module) => field(&mut line, "module", &string(module)),
                    Err(error) => field(&mut line, "error", &string(error)),
                }
            }
            Event::Promise {
                promise,
                fulfilled,
                value,
            } => {
                field(&mut line, "promise", &string(promise));
                let state = if *fulfilled { "fulfilled" } else { "rejected" };
                field(&mut line, "state", &string(state));
                field(&mut line, "value", &string(value));
            }
            Event::HookCall {
                hook,
                on_behalf_of,
                this,
                arguments,
                result,
            } => {
                field(&mut line, "hook", &string(hook));
                match on_behalf_of {
                    HookOwner::Module(module) => field(&mut line, "module", &string(module)),
                    HookOwner::Evaluators(evaluators) => {
                        field(&mut line, "evaluators", &string(evaluators))
                    }
                    HookOwner::Compartment(compartment) => {
                        field(&mut line, "compartment", &string(compartment))
                    }
                }
                field(&mut line, "this", &string(this));
                let arguments: Vec<String> = arguments.iter().map(|a| string(a)).collect();
                field(
                    &mut line,
                    "arguments",
                    &format!("[{}]", arguments.join(",")),
                );
                match result {
                    Ok(value) => field(&mut line, "result", &string(value)),
                    Err(error) => field(&mut line, "error", &string(error)),
                }
            }
            Event::Evaluators {
                evaluators,
                parent,
                global_this,
                shares_global_environment,
                import_hook,
                import_meta,
            } => {
                field(&mut line, "evaluators", &string(evaluators));
                field(&mut line, "parent", &string(parent));
                field(&mut line, "globalThis", &string(global_this));
                let shares = shares_global_environment.to_string();
                field(&mut line, "sharesGlobalEnvironment", &shares);
                field(&mut line, "importHook", &string(import_hook));
                field(&mut line, "importMeta", &string(import_meta));
            }
            Event::Compartment {
                compartment,
                parent,
                evaluators,
            } => {
                field(&mut line, "compartment", &string(compartment));
                field(&mut line, "parent", &string(parent));
                field(&mut line, "evaluators", &string(evaluators));
            }
            Event::Descriptor {
                compartment,
                specifier,
                kind,
            } => {
                field(&mut line, "compartment", &string(compartment));
                field(&mut line, "specifier", &string(specifier));
                field(&mut line, "kind", &string(kind));
            }
            Event::MemoHit {
                compartment,
                specifier,
                state,
            } => {
                field(&mut line, "compartment", &string(compartment));
                field(&mut line, "specifier", &string(specifier));
                field(&mut line, "state", &string(state));
            }
            Event::LockdownRemoved { path, action } => {
                field(&mut line, "path", &string(path));
                field(&mut line, "action", &string(action));
            }
            Event::LockedDown { options } => {
                let mut object = String::from("{");
                for (key, value) in options {
                    field(&mut object, key, &string(value));
                }
                object.push('}');
                field(&mut line, "options", &object);
            }
        }
        line.push('}');
        line
    }
}

/// Appends `"key":value` (with a comma unless it is the object's first member).
fn field(out: &mut String, key: &str, value: &str) {
    if !out.ends_with('{') {
        out.push(',');
    }
    let _ = write!(out, "{}:{value}", string(key));
}

/// A JSON string literal.
fn string(text: &str) -> String {
    serde_json::Value::String(text.to_string()).to_string()
}

/// An integer, or null for empty.
fn integer(value: Option<usize>) -> String {
    value.map_or("null".to_string(), |n| n.to_string())
}

/// Where an event log's host wants the printed lines ([`EventLog::with_output`]).
pub type OutputSink = Box<dyn Fn(&str)>;

/// The agent's event log: the host's sink and the names of the promises being watched.
pub struct EventLog {
    sink: Box<dyn Fn(&Event)>,
    /// Where the lines `print` and `console.log` write go too, in order with the events,
    /// when the host captures output but wants it beside the log (the conformance suite's
    /// snapshots); `None` when they reach the log's reader some other way (stdout).
    output: Option<OutputSink>,
    /// The pending promises the module algorithms made, with their descriptive names; an
    /// entry is dropped when its promise settles.
    named_promises: RefCell<Vec<(Object, String)>>,
}

impl EventLog {
    pub fn new(sink: Box<dyn Fn(&Event)>) -> EventLog {
        EventLog {
            sink,
            output: None,
            named_promises: RefCell::new(Vec::new()),
        }
    }
}

impl EventLog {
    /// The same log, also giving `output` every line the program prints.
    pub fn with_output(mut self, output: OutputSink) -> EventLog {
        self.output = Some(output);
        self
    }
}

/// A line the program printed (`print`, `console.log`): to the log's output sink, if it
/// has one, so that the line sits among the events where it was printed.
pub fn printed(agent: &Agent, line: &str) {
    if let Some(output) = agent.events.as_ref().and_then(|log| log.output.as_ref()) {
        output(line);
    }
}

#[inline]
fn emit(agent: &Agent, event: impl FnOnce() -> Event) {
    if let Some(log) = &agent.events {
        (log.sink)(&event());
    }
}

/// A module's name as the host gave it (a path or a specifier).
pub fn module_name(module: &Module) -> String {
    module.name()
}

/// The referrer as the log names it: the module's name, `script:NAME` or `realm`.
pub fn referrer_name(referrer: &Referrer) -> String {
    match referrer {
        Referrer::Module(module) => module_name(module),
        Referrer::Script(script) => format!("script:{}", script.source().name),
        Referrer::Realm(_) => "realm".to_string(),
        Referrer::Evaluators(evaluators) => evaluators.name(),
    }
}

/// Reports a property `lockdown()` removed (or a prototype it restored).
pub fn lockdown_removed(agent: &Agent, path: &str, action: &str) {
    emit(agent, || Event::LockdownRemoved {
        path: path.to_string(),
        action: action.to_string(),
    });
}

/// Reports that `lockdown()` finished with `options`.
pub fn locked_down(agent: &Agent, options: &crate::spec::ses::lockdown::LockdownOptions) {
    emit(agent, || Event::LockedDown {
        options: crate::spec::ses::lockdown::OPTIONS
            .iter()
            .map(|o| (o.name.to_string(), options.value(o.name).to_string()))
            .collect(),
    });
}

/// Reports that `new Compartment(...)` made `compartment`.
pub fn compartment_created(agent: &Agent, compartment: &Compartment) {
    emit(agent, || Event::Compartment {
        compartment: compartment.name(),
        parent: compartment
            .0
            .parent
            .as_ref()
            .map_or("none".to_string(), Compartment::name),
        evaluators: compartment.evaluators().name(),
    });
}

/// Reports a compartment's resolveHook or loadHook call (this is always undefined).
pub fn compartment_hook_called(
    agent: &Agent,
    hook: &'static str,
    compartment: &Compartment,
    arguments: &[Value],
    result: &JsResult<Value>,
) {
    emit(agent, || Event::HookCall {
        hook,
        on_behalf_of: HookOwner::Compartment(compartment.name()),
        this: "undefined".to_string(),
        arguments: arguments.iter().map(brief).collect(),
        result: match result {
            Ok(value) => Ok(brief(value)),
            Err(error) => Err(brief(error)),
        },
    });
}

/// Reports that `compartment` interpreted a descriptor of the `kind` form for `specifier`.
pub fn descriptor_interpreted(
    agent: &Agent,
    compartment: &Compartment,
    specifier: &str,
    kind: &'static str,
) {
    emit(agent, || Event::Descriptor {
        compartment: compartment.name(),
        specifier: specifier.to_string(),
        kind,
    });
}

/// Reports that `compartment`'s memo had `specifier`.
pub fn memo_hit(agent: &Agent, compartment: &Compartment, specifier: &str, entry: &MemoEntry) {
    emit(agent, || Event::MemoHit {
        compartment: compartment.name(),
        specifier: specifier.to_string(),
        state: match entry {
            MemoEntry::Loaded(_) => "loaded",
            MemoEntry::Loading(..) => "loading",
        },
    });
}

/// Reports that `new Evaluators(...)` made `evaluators` with `parent` as its caller's.
pub fn evaluators_created(agent: &Agent, evaluators: &Evaluators, parent: &Evaluators) {
    emit(agent, || Event::Evaluators {
        evaluators: evaluators.name(),
        parent: parent.name(),
        global_this: brief(&Value::Object(evaluators.global_object())),
        shares_global_environment: evaluators.global_env() == parent.global_env(),
        import_hook: brief(&evaluators.import_hook()),
        import_meta: brief(&evaluators.import_meta()),
    });
}

/// Reports that `module`'s [[Status]] changed from `from` (`None`: it was just created).
pub fn status_changed(agent: &Agent, module: &Module, from: Option<ModuleStatus>) {
    emit(agent, || {
        let data = module.data();
        Event::Status {
            module: module_name(module),
            from,
            to: data.status,
            dfs_index: data.dfs_index,
            dfs_ancestor_index: data.dfs_ancestor_index,
            async_evaluation_order: data.async_evaluation_order,
            pending_async_dependencies: data.pending_async_dependencies,
            evaluation_error: data.evaluation_error.as_ref().map(brief),
        }
    });
}

fn phase_name(phase: ImportPhase) -> &'static str {
    match phase {
        ImportPhase::Evaluation => "evaluation",
        ImportPhase::Source => "source",
        ImportPhase::Defer => "defer",
    }
}

/// Reports a HostLoadImportedModule call.
pub fn load_requested(agent: &Agent, referrer: &Referrer, request: &ModuleRequest) {
    emit(agent, || Event::LoadRequest {
        referrer: referrer_name(referrer),
        specifier: String::from_utf16_lossy(&request.specifier),
        phase: phase_name(request.phase),
        attributes: request
            .attributes
            .iter()
            .map(|(k, v)| (String::from_utf16_lossy(k), String::from_utf16_lossy(v)))
            .collect(),
    });
}

/// Reports a FinishLoadingImportedModule call and its result.
pub fn load_finished(
    agent: &Agent,
    referrer: &Referrer,
    request: &ModuleRequest,
    result: &JsResult<Module>,
) {
    emit(agent, || Event::LoadResult {
        referrer: referrer_name(referrer),
        specifier: String::from_utf16_lossy(&request.specifier),
        result: match result {
            Ok(module) => Ok(module_name(module)),
            Err(error) => Err(brief(error)),
        },
    });
}

/// Reports a call of a Compartments hook on behalf of `module`.
pub fn hook_called(
    agent: &Agent,
    hook: &'static str,
    on_behalf_of: &Referrer,
    this: &Value,
    arguments: &[Value],
    result: &JsResult<Value>,
) {
    emit(agent, || Event::HookCall {
        hook,
        on_behalf_of: match on_behalf_of {
            Referrer::Evaluators(evaluators) => HookOwner::Evaluators(evaluators.name()),
            other => HookOwner::Module(referrer_name(other)),
        },
        this: brief(this),
        arguments: arguments.iter().map(brief).collect(),
        result: match result {
            Ok(value) => Ok(brief(value)),
            Err(error) => Err(brief(error)),
        },
    });
}

/// Watches `promise` (a module algorithm's capability) under the name `name()` gives, so
/// that its settlement is logged.
pub fn name_promise(agent: &Agent, promise: &Object, name: impl FnOnce() -> String) {
    if let Some(log) = &agent.events {
        log.named_promises
            .borrow_mut()
            .push((promise.clone(), name()));
    }
}

/// Called by FulfillPromise and RejectPromise: logs the settlement of a watched promise.
/// Settlement, not the call of a resolving function, is what is logged: `import()`'s
/// promise resolved with a namespace that has a `then` export settles later (or never).
#[inline]
pub fn promise_settled(agent: &Agent, promise: &Object, fulfilled: bool, value: &Value) {
    if agent.events.is_some() {
        watched_promise_settled(agent, promise, fulfilled, value);
    }
}

#[cold]
fn watched_promise_settled(agent: &Agent, promise: &Object, fulfilled: bool, value: &Value) {
    let Some(log) = &agent.events else {
        return;
    };
    let name = {
        let mut named = log.named_promises.borrow_mut();
        let Some(index) = named.iter().position(|(p, _)| p == promise) else {
            return;
        };
        named.remove(index).1
    };
    (log.sink)(&Event::Promise {
        promise: name,
        fulfilled,
        value: brief(value),
    });
}

/// A value rendered briefly without running any code: `undefined`, `42`, `"text"`,
/// `TypeError: message` for an error object, `[object Module]` for a module namespace.
pub fn brief(value: &Value) -> String {
    match value {
        Value::Undefined => "undefined".to_string(),
        Value::Null => "null".to_string(),
        Value::Boolean(b) => b.to_string(),
        Value::Number(n) => super::number_type::number_to_string(*n),
        Value::BigInt(b) => format!("{}n", b.to_js_string()),
        Value::String(s) => format!("{:?}", s.to_rust_string()),
        Value::Symbol(s) => s.descriptive_string().to_rust_string(),
        Value::Object(o) => {
            match &o.data().kind {
                ObjectKind::ModuleInstance(data) => {
                    return format!("[Module {}]", module_name(&data.module))
                }
                ObjectKind::ModuleSource(_) => return "[object ModuleSource]".to_string(),
                ObjectKind::Promise(_) => return "[object Promise]".to_string(),
                _ => {}
            }
            let kind = match &o.data().kind {
                ObjectKind::Error(_) => Some("error"),
                ObjectKind::ModuleNamespace(_) => Some("namespace"),
                _ => None,
            };
            match kind {
                Some("error") => {
                    let name = quiet_string(o, "name").unwrap_or_else(|| "Error".to_string());
                    match quiet_string(o, "message") {
                        Some(message) if !message.is_empty() => format!("{name}: {message}"),
                        _ => name,
                    }
                }
                Some(_) => "[object Module]".to_string(),
                None if o.is_callable() => "[object Function]".to_string(),
                None => "[object Object]".to_string(),
            }
        }
    }
}

/// A String-valued data property found on `o` or its prototype chain without running any
/// code (no getters, no proxies).
fn quiet_string(o: &Object, key: &str) -> Option<String> {
    let key = PropertyKey::from_str(key);
    let mut current = Some(o.clone());
    for _ in 0..10_000 {
        let object = current?;
        if matches!(object.data().kind, ObjectKind::Proxy(_)) {
            return None;
        }
        match object.own_property(&key) {
            Some(Property::Data {
                value: Value::String(s),
                ..
            }) => return Some(s.to_rust_string()),
            Some(_) => return None,
            None => current = object.data().prototype.clone(),
        }
    }
    None
}

/// The name of `import()`'s promise: `import('./b.js')` (the specifier as written, before
/// ToString, which may throw).
pub fn import_call_name(specifier: &Value) -> String {
    match specifier {
        Value::String(s) => format!("import('{}')", s.to_rust_string()),
        other => format!("import({})", brief(other)),
    }
}
