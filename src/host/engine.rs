//! The embedding API that the CLI (`run`, the REPL) and the test262 runner use: one
//! [`Engine`] is one agent with one realm (its default Evaluators), living on the thread
//! that created it (the collector's heap is per thread, so an Engine is neither Send nor
//! Sync). Scripts are parsed by the caller, so that a test262 run parses each harness file
//! once and shares its tree between tests and threads.

use super::host_compartment::create_host_compartment;
use super::host_globals::{host_hooks, uncaught_report, unhandled_rejection_report};
use crate::spec::abstract_module_records::Module;
use crate::spec::agents::{Agent, HostHooks};
use crate::spec::builtins::helpers::define_value;
use crate::spec::builtins::module_objects::module_of_instance;
use crate::spec::builtins::weak_ref::clear_kept_objects;
use crate::spec::compartments::compartment_records::{compartment_load, Compartment, LoadOutcome};
use crate::spec::completion_record::JsResult;
use crate::spec::cyclic_module_records::{evaluate, link, load_requested_modules};
use crate::spec::evaluators::Evaluators;
use crate::spec::event_log::{Event, EventLog};
use crate::spec::execution_contexts::ExecutionContext;
use crate::spec::jobs::run_jobs;
use crate::spec::module_semantics::{ModuleLoader, Referrer};
use crate::spec::object_kinds::ObjectKind;
use crate::spec::operations_on_objects::create_array_from_list;
use crate::spec::promise_objects::promise_is_handled;
use crate::spec::promise_objects::PromiseState;
use crate::spec::realm_initialization::initialize_host_defined_realm;
use crate::spec::realms::Realm;
use crate::spec::resource_limits::{heap_is_counted, Termination};
use crate::spec::script_records::{ScriptRecord, ScriptRecordData};
use crate::spec::scripts::script_evaluation;
use crate::spec::ses::lockdown::lockdown;
use crate::spec::source_positions::SourceText;
use crate::spec::source_text_module_records::parse_module;
use crate::spec::value::Value;
use crate::syntax::ast::{ImportPhase, ModuleRequest};
use crate::syntax::Program;
use boa_gc::Gc;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What the host provides besides the ECMAScript built-ins.
#[derive(Clone, Copy, Debug, Default)]
pub struct EngineOptions {
    /// Install the test262 host object `$262` (createRealm, evalScript, gc, global, ...).
    pub test262: bool,
    /// Keep `print` / `console.log` output in the engine (see [`Engine::take_printed`])
    /// instead of writing it to stdout.
    pub capture_print: bool,
    /// The proposals the engine runs with (all by default; none: plain ECMAScript 2025).
    /// Programs the host parses for it should be parsed with these
    /// ([`Engine::parse_options`]).
    pub features: crate::syntax::Features,
}

/// LoadRequestedModules for `module`'s graph; the loaders here finish synchronously (a
/// host that loads later would run its jobs first).
fn load_graph(agent: &mut Agent, module: &Module) -> Result<(), Value> {
    let load_promise = load_requested_modules(agent, module, Value::Undefined);
    run_jobs(agent)?;
    if let ObjectKind::Promise(p) = &load_promise.data().kind {
        if p.state == PromiseState::Rejected {
            return Err(p.result.clone());
        }
    }
    Ok(())
}

/// A parsed Script and where it came from.
#[derive(Clone, Debug)]
pub struct ScriptSource {
    /// A file name or a label such as `harness/assert.js`, used in error locations.
    pub name: String,
    /// The text the program was parsed from (for `Function.prototype.toString` and
    /// line:column of errors).
    pub text: Arc<str>,
    pub program: Arc<Program>,
}

/// An exception that nothing caught.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Uncaught {
    /// The `name` of the thrown value's `constructor` when it is an object whose
    /// constructor has a string name (what test262's `negative.type` is checked against).
    pub constructor_name: Option<String>,
    /// The thrown value's `message` property (for an error object), else its string form.
    pub message: String,
    /// The whole report: `Uncaught TypeError: message` and, when known,
    /// `    at file:line:column`.
    pub report: String,
}

/// One agent with one realm.
pub struct Engine {
    /// Boxed: suspended generator and async bodies keep pointers to their agent on their
    /// stacks (spec/execution_context_suspension.rs), so it must not move when the engine does.
    agent: Box<Agent>,
    realm: Realm,
    /// Whether the host globals are test262's (`$262`).
    test262: bool,
    /// The compartment scripts and modules run in after [`Engine::enter_compartment`];
    /// before, the realm's start compartment (its default Evaluators and the host's
    /// module loader).
    compartment: Option<Compartment>,
}

impl Engine {
    pub fn new(options: EngineOptions) -> Engine {
        Engine::with_host_hooks(options, host_hooks(options.test262))
    }

    /// An engine whose host hooks are `hooks` (print, host globals, the job queue and job
    /// callbacks, promise rejection tracking: [`HostHooks`]) — for embedders that schedule
    /// jobs or track rejections themselves. The realm's host globals come from
    /// `hooks.define_host_globals`.
    pub fn with_host_hooks(options: EngineOptions, hooks: HostHooks) -> Engine {
        let mut agent = Box::new(Agent::new(hooks));
        agent.capture_print = options.capture_print;
        agent.features = options.features;
        let realm = initialize_host_defined_realm(&mut agent)
            .unwrap_or_else(|_| panic!("the host-defined realm could not be initialized"));
        // The realm's context stays at the bottom of the stack: ScriptEvaluation asserts
        // that the stack is not empty when it pops its own context (16.1.6 step 15).
        agent
            .execution_context_stack
            .push(ExecutionContext::without_code(None, realm.evaluators()));
        Engine {
            agent,
            realm,
            test262: options.test262,
            compartment: None,
        }
    }

    /// The proposals this engine runs with.
    pub fn features(&self) -> crate::syntax::Features {
        self.agent.features
    }

    /// `options` with this engine's proposals: how a host parses the programs it gives the
    /// engine.
    pub fn parse_options(
        &self,
        options: crate::syntax::ParseOptions,
    ) -> crate::syntax::ParseOptions {
        options.with_features(self.agent.features)
    }

    /// SES's `lockdown()` with its default options, in this engine's realm (as the start
    /// compartment's `lockdown()` does).
    pub fn lockdown(&mut self) -> Result<(), Uncaught> {
        let realm = self.realm.clone();
        let result = lockdown(&mut self.agent, &realm, &Value::Undefined);
        self.finish(result)
    }

    /// Makes a compartment in this engine's realm, as `new Compartment({ globals,
    /// resolveHook })` does, and runs every later script and module in it: its globals are
    /// the host's (`print`, `console`, and a `$262` of its own with test262's globals) and
    /// its resolveHook resolves relative specifiers of script code against `base`
    /// (`host::host_compartment`). Scripts still run as Scripts (ScriptEvaluation with the
    /// compartment's Evaluators), so that their declarations persist from one to the next.
    pub fn enter_compartment(&mut self, base: &str) -> Result<(), Uncaught> {
        let realm = self.realm.clone();
        let result = create_host_compartment(&mut self.agent, &realm, self.test262, base);
        self.compartment = Some(self.finish(result)?);
        Ok(())
    }

    /// The Evaluators scripts run with: the compartment's, or the realm's default.
    fn evaluators(&self) -> Evaluators {
        match &self.compartment {
            Some(compartment) => compartment.evaluators(),
            None => self.realm.evaluators(),
        }
    }

    /// ScriptEvaluation of `source` in this engine's realm.
    pub fn evaluate_script(&mut self, source: &ScriptSource) -> Result<(), Uncaught> {
        self.evaluate_script_value(source).map(|_| ())
    }

    /// ScriptEvaluation of `source`, giving its completion value.
    pub fn evaluate_script_value(&mut self, source: &ScriptSource) -> Result<Value, Uncaught> {
        let script = ScriptRecord(Gc::new(ScriptRecordData {
            realm: self.realm.clone(),
            ecmascript_code: source.program.clone(),
            source: Arc::new(SourceText {
                name: source.name.clone(),
                text: source.text.clone(),
            }),
            host_defined: Value::Undefined,
        }));
        let evaluators = self.evaluators();
        let result = script_evaluation(&mut self.agent, &script, &evaluators)
            .map_err(|thrown| uncaught_report(&mut self.agent, &thrown));
        // A synchronous sequence of ECMAScript execution has completed (9.10.3).
        clear_kept_objects(&mut self.agent);
        result
    }

    /// Runs the queued promise jobs, and those they queue, until the queue is empty
    /// (`spec::jobs::run_jobs`). An exception thrown out of a job stops the run and is
    /// returned as [`Uncaught`]; the jobs after it stay queued (call again to go on).
    pub fn run_jobs(&mut self) -> Result<(), Uncaught> {
        run_jobs(&mut self.agent).map_err(|thrown| uncaught_report(&mut self.agent, &thrown))
    }

    /// Takes the promises that were rejected with no handler and got none since
    /// (HostPromiseRejectionTracker), oldest first, each as a report `Uncaught (in
    /// promise) ...` of its reason.
    pub fn take_unhandled_rejections(&mut self) -> Vec<Uncaught> {
        let promises = std::mem::take(&mut self.agent.unhandled_rejections);
        promises
            .iter()
            .filter(|promise| !promise_is_handled(promise))
            .map(|promise| {
                let reason = match &promise.data().kind {
                    ObjectKind::Promise(p) => p.result.clone(),
                    _ => Value::Undefined,
                };
                unhandled_rejection_report(&mut self.agent, &reason)
            })
            .collect()
    }

    /// Limits the time the engine's evaluation and jobs may take from now on (`None`: no
    /// limit). Past the limit every call, construct, loop iteration and job throws a
    /// RangeError, again in any handler that catches it, and [`Engine::termination`] is
    /// [`Termination::TimeLimit`] (`spec::resource_limits`).
    pub fn set_time_limit(&mut self, limit: Option<Duration>) {
        self.agent
            .set_time_limit(limit.map(|limit| Instant::now() + limit));
    }

    /// Limits how many bytes this thread's heap may grow by from now on (`None`: no
    /// limit): past it, after a full collection, the engine's work ends as for the time
    /// limit, with [`Termination::HeapLimit`]. The heap is counted by
    /// [`CountingAllocator`](crate::spec::resource_limits::CountingAllocator), which the
    /// host must have installed as its global allocator: without it this returns `false`
    /// and sets nothing.
    pub fn set_heap_limit(&mut self, bytes: Option<usize>) -> bool {
        if bytes.is_some() && !heap_is_counted() {
            return false;
        }
        self.agent.set_heap_limit(bytes);
        true
    }

    /// The engine's agent, for hosts that drive it beyond this API (`$262.agent`).
    pub fn agent_mut(&mut self) -> &mut Agent {
        &mut self.agent
    }

    /// Call(f, this, args) on the engine's realm's context; an exception is [`Uncaught`].
    pub fn call(&mut self, f: &Value, this: &Value, args: &[Value]) -> Result<Value, Uncaught> {
        let result = crate::spec::operations_on_objects::call(&mut self.agent, f, this, args)
            .map_err(|thrown| uncaught_report(&mut self.agent, &thrown));
        // A synchronous sequence of ECMAScript execution has completed (9.10.3).
        clear_kept_objects(&mut self.agent);
        result
    }

    /// Whether the time limit ran out.
    pub fn timed_out(&self) -> bool {
        self.agent.termination() == Some(Termination::TimeLimit)
    }

    /// Why the host's limits (time, heap, output) ended the engine's work, if they did.
    pub fn termination(&self) -> Option<Termination> {
        self.agent.termination()
    }

    /// The lines `print` and `console.log` wrote since the last call (capture mode).
    pub fn take_printed(&mut self) -> Vec<String> {
        std::mem::take(&mut self.agent.printed)
    }

    /// Installs what the default HostLoadImportedModule asks for modules
    /// (`host::module_host`).
    pub fn set_module_loader(&mut self, loader: std::rc::Rc<dyn ModuleLoader>) {
        self.agent.module_loader = Some(loader);
    }

    /// Loads the module `specifier` through the module loader (with this realm as the
    /// referrer), then LoadRequestedModules, Link and Evaluate: the promise Evaluate gives.
    /// A load or link error is returned as [`Uncaught`]; an evaluation error rejects the
    /// promise (see [`Engine::module_result`] once the jobs have run).
    pub fn evaluate_module(&mut self, specifier: &str) -> Result<Value, Uncaught> {
        let module = self.load_module(specifier)?;
        self.link_module(&module)?;
        Ok(self.evaluate_linked_module(&module))
    }

    /// The load phase: the module `specifier` through the module loader (with this realm as
    /// the referrer) — or, after [`Engine::enter_compartment`], the compartment's Load of
    /// `specifier` as a full specifier —, then LoadRequestedModules for its graph.
    pub fn load_module(&mut self, specifier: &str) -> Result<Module, Uncaught> {
        let agent = &mut *self.agent;
        let request = ModuleRequest {
            specifier: specifier.encode_utf16().collect(),
            attributes: Vec::new(),
            phase: ImportPhase::Evaluation,
        };
        let compartment = self.compartment.clone();
        let result = (|| {
            let module = match &compartment {
                Some(compartment) => load_in_compartment(agent, compartment, specifier)?,
                None => {
                    let loader = agent
                        .module_loader
                        .clone()
                        .ok_or_else(|| agent.type_error("this host has no module loader"))?;
                    loader.load(agent, &Referrer::Realm(self.realm.clone()), &request)?
                }
            };
            load_graph(agent, &module)?;
            Ok(module)
        })();
        self.finish(result)
    }

    /// [`Engine::evaluate_module`] of a module given as text (ParseModule in this realm,
    /// named `name`: its imports are resolved against `name`'s directory by the module
    /// loader), as the REPL's module mode and `run --module -` need. A SyntaxError is
    /// returned as [`Uncaught`].
    pub fn evaluate_module_text(&mut self, name: &str, text: &str) -> Result<Value, Uncaught> {
        let agent = &mut *self.agent;
        let realm = self.realm.clone();
        let result = (|| {
            let module =
                parse_module(agent, text, name, realm, Value::Undefined).map_err(|error| {
                    let rendered = error.render_message(name, text);
                    agent.syntax_error(rendered.trim_end())
                })?;
            load_graph(agent, &module)?;
            Ok(module)
        })();
        let module = self.finish(result)?;
        self.link_module(&module)?;
        Ok(self.evaluate_linked_module(&module))
    }

    /// The link phase: Link() of a loaded module.
    pub fn link_module(&mut self, module: &Module) -> Result<(), Uncaught> {
        let result = link(&mut self.agent, module);
        self.finish(result)
    }

    /// The evaluation phase: Evaluate() of a linked module, giving its promise.
    pub fn evaluate_linked_module(&mut self, module: &Module) -> Value {
        let promise = Value::Object(evaluate(&mut self.agent, module));
        clear_kept_objects(&mut self.agent);
        promise
    }

    /// A host operation's result, with a thrown value as its report; ends the synchronous
    /// run (ClearKeptObjects).
    fn finish<T>(&mut self, result: Result<T, Value>) -> Result<T, Uncaught> {
        let result = result.map_err(|thrown| uncaught_report(&mut self.agent, &thrown));
        clear_kept_objects(&mut self.agent);
        result
    }

    /// Whether `promise` is a promise still pending (a module whose top-level await never
    /// settled, once the jobs are done).
    pub fn is_pending(&self, promise: &Value) -> bool {
        matches!(promise, Value::Object(p) if matches!(
            &p.data().kind,
            ObjectKind::Promise(p) if p.state == PromiseState::Pending
        ))
    }

    /// Defines the global `name` (writable, configurable, not enumerable, as `print` is).
    pub fn define_global(&mut self, name: &str, value: Value) {
        let global = self.realm.evaluators().global_object();
        define_value(&global, name, value, true, false, true);
    }

    /// A new Array of the strings `items` (CreateArrayFromList), e.g. for a global such as
    /// `scriptArgs`.
    pub fn string_array(&mut self, items: &[String]) -> Value {
        let items = items.iter().map(|item| Value::string(item)).collect();
        Value::Object(create_array_from_list(&mut self.agent, items))
    }

    /// The outcome of a module evaluation promise: `Err` with the report of its reason when
    /// it was rejected (the reason is then no longer an unhandled rejection).
    pub fn module_result(&mut self, promise: &Value) -> Result<(), Uncaught> {
        let Value::Object(promise) = promise else {
            return Ok(());
        };
        let rejected = match &promise.data().kind {
            ObjectKind::Promise(p) if p.state == PromiseState::Rejected => Some(p.result.clone()),
            _ => None,
        };
        match rejected {
            Some(reason) => {
                self.agent.unhandled_rejections.retain(|p| p != promise);
                Err(uncaught_report(&mut self.agent, &reason))
            }
            None => Ok(()),
        }
    }

    /// Turns the module event log on: `sink` gets every event (`spec::event_log`) as it
    /// happens. `compartments run --events` prints each as a JSON line.
    pub fn set_event_sink(&mut self, sink: Box<dyn Fn(&Event)>) {
        self.agent.events = Some(EventLog::new(sink));
    }

    /// [`Engine::set_event_sink`], with every line `print` and `console.log` write also
    /// given to `output` (as well as printed or captured as usual), so that a host that
    /// captures output can put the lines among the events, as `compartments run --events`
    /// shows them on stdout.
    pub fn set_event_sink_with_output(
        &mut self,
        sink: Box<dyn Fn(&Event)>,
        output: Box<dyn Fn(&str)>,
    ) {
        self.agent.events = Some(EventLog::new(sink).with_output(output));
    }

    /// A display string for a value (the REPL's echo).
    pub fn display(&mut self, value: &Value) -> String {
        super::host_globals::display_value(&mut self.agent, value)
    }
}

/// Load ( compartment, key ) (C4.3), waiting (running the jobs) when it has to: the module,
/// or the load's error.
fn load_in_compartment(
    agent: &mut Agent,
    compartment: &Compartment,
    key: &str,
) -> JsResult<Module> {
    match compartment_load(agent, compartment, key) {
        LoadOutcome::Ready(module) => Ok(module),
        LoadOutcome::Failed(error) => Err(error),
        LoadOutcome::Pending(capability) => {
            run_jobs(agent)?;
            let settled = match &capability.promise.data().kind {
                ObjectKind::Promise(p) => Some((p.state, p.result.clone())),
                _ => None,
            };
            match settled {
                Some((PromiseState::Fulfilled, instance)) => module_of_instance(&instance)
                    .ok_or_else(|| agent.type_error("a compartment load settled without a module")),
                Some((PromiseState::Rejected, reason)) => Err(reason),
                _ => Err(agent.type_error(&format!(
                    "the load of '{key}' in {} is still pending when the jobs are done",
                    compartment.name()
                ))),
            }
        }
    }
}
