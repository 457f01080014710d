//! 9.6 Agents (sec-agents): the surrounding agent — its execution context stack, the
//! well-known symbols and symbol registry it shares between realms, and the host hooks.
//!
//! Every abstract operation takes the agent as `&mut Agent`: it is the spec's implicit
//! "surrounding agent", made explicit.

use super::completion_record::JsResult;
use super::error_objects::new_error;
use super::evaluators::Evaluators;
use super::execution_contexts::ExecutionContext;
use super::jobs::{self, JobCallback, JobQueue, PendingJob};
use super::object_type::Object;
use super::ordinary_object_internal_methods::ordinary_object_create;
use super::promise_objects::promise_is_handled;
use super::realms::{Intrinsic, Realm};
use super::resource_limits::Termination;
use super::source_positions::SourcePosition;
use super::symbol_type::WellKnownSymbols;
use super::value::Value;

/// How far below the end of the native stack evaluation refuses to go deeper: enough for
/// the deepest non-recursive work (a built-in's frames, error creation) to finish.
const STACK_RED_ZONE: usize = 256 * 1024;

/// The host's side of the agent: what ECMA-262 leaves to the host and what the CLI and
/// the test262 runner add (print, `$262`).
#[derive(Clone, Copy)]
pub struct HostHooks {
    /// Writes one line for `print` / `console.log`.
    pub print: fn(&mut Agent, &str),
    /// Defines the host's global properties on a new realm's global object (the last
    /// step of InitializeHostDefinedRealm, and of `$262.createRealm`).
    pub define_host_globals: fn(&mut Agent, &Realm) -> JsResult<()>,
    /// HostPromiseRejectionTracker ( promise, operation ) (27.2.1.9).
    pub promise_rejection_tracker: fn(&mut Agent, &Object, RejectionOperation),
    /// HostEnqueuePromiseJob ( job, realm ) (9.5.5).
    pub enqueue_promise_job: fn(&mut Agent, PendingJob),
    /// HostEnqueueGenericJob ( job, realm ) (9.5.4).
    pub enqueue_generic_job: fn(&mut Agent, PendingJob),
    /// HostEnqueueTimeoutJob ( timeoutJob, realm, milliseconds ) (9.5.6).
    pub enqueue_timeout_job: fn(&mut Agent, PendingJob, f64),
    /// HostMakeJobCallback ( callback ) (9.5.2).
    pub make_job_callback: fn(&mut Agent, Value) -> JobCallback,
    /// HostCallJobCallback ( jobCallback, V, argumentsList ) (9.5.3).
    pub call_job_callback: fn(&mut Agent, &JobCallback, &Value, &[Value]) -> JsResult<Value>,
    /// HostLoadImportedModule ( referrer, moduleRequest, hostDefined, payload ) (16.2.1.10):
    /// must call FinishLoadingImportedModule, synchronously or later (from a job). The
    /// default asks [`Agent::module_loader`] and fails with a TypeError without one.
    pub load_imported_module: fn(
        &mut Agent,
        crate::spec::module_semantics::Referrer,
        &crate::syntax::ast::ModuleRequest,
        Value,
        crate::spec::module_semantics::LoadPayload,
    ),
    /// HostGetImportMetaProperties ( moduleRecord ) (13.3.12.1.1): default « ».
    pub get_import_meta_properties: fn(
        &mut Agent,
        &crate::spec::abstract_module_records::Module,
    ) -> Vec<(crate::spec::object_type::PropertyKey, Value)>,
    /// HostFinalizeImportMeta ( importMeta, moduleRecord ) (13.3.12.1.2): default nothing.
    pub finalize_import_meta:
        fn(&mut Agent, &Object, &crate::spec::abstract_module_records::Module),
}

/// The operation argument of HostPromiseRejectionTracker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RejectionOperation {
    /// "reject": a promise was rejected without any handlers.
    Reject,
    /// "handle": a handler was added to a rejected promise for the first time.
    Handle,
}

/// The default HostPromiseRejectionTracker: keeps the promises rejected without a handler
/// in [`Agent::unhandled_rejections`], for the host to report once the job queue is empty,
/// as node does. "handle" does not search the list (that made rejecting many promises and
/// handling them later quadratic): PerformPromiseThen sets [[PromiseIsHandled]] right
/// after calling the tracker (27.2.5.4.1 step 12), and the promises handled since are
/// dropped when the list is full (before it would grow, so each operation costs O(1)
/// amortized) and when the host takes the list.
fn track_unhandled_rejections(agent: &mut Agent, promise: &Object, operation: RejectionOperation) {
    match operation {
        RejectionOperation::Reject => {
            let list = &mut agent.unhandled_rejections;
            if list.len() == list.capacity() {
                list.retain(|p| !promise_is_handled(p));
            }
            list.push(promise.clone());
        }
        RejectionOperation::Handle => {}
    }
}

/// The default `print`: one line on stdout. When stdout cannot be written (a closed
/// pipe, a full disk) the agent's work ends ([`Termination::OutputFailed`]): the write
/// error is the host's to report, not a panic.
pub fn print_to_stdout(agent: &mut Agent, line: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(error) = writeln!(stdout, "{line}") {
        agent.terminate(Termination::OutputFailed(error.kind()));
    }
}

fn no_host_globals(_agent: &mut Agent, _realm: &Realm) -> JsResult<()> {
    Ok(())
}

/// The default HostGetImportMetaProperties: « ».
fn no_import_meta_properties(
    _agent: &mut Agent,
    _module: &crate::spec::abstract_module_records::Module,
) -> Vec<(crate::spec::object_type::PropertyKey, Value)> {
    Vec::new()
}

/// The default HostFinalizeImportMeta: nothing.
fn no_import_meta_finalization(
    _agent: &mut Agent,
    _import_meta: &Object,
    _module: &crate::spec::abstract_module_records::Module,
) {
}

impl Default for HostHooks {
    fn default() -> HostHooks {
        HostHooks {
            print: print_to_stdout,
            define_host_globals: no_host_globals,
            promise_rejection_tracker: track_unhandled_rejections,
            enqueue_promise_job: jobs::default_enqueue_promise_job,
            enqueue_generic_job: jobs::default_enqueue_generic_job,
            enqueue_timeout_job: jobs::default_enqueue_timeout_job,
            make_job_callback: jobs::default_make_job_callback,
            call_job_callback: jobs::default_call_job_callback,
            load_imported_module: crate::spec::module_semantics::default_load_imported_module,
            get_import_meta_properties: no_import_meta_properties,
            finalize_import_meta: no_import_meta_finalization,
        }
    }
}

/// An agent.
pub struct Agent {
    /// The execution context stack; the last element is the running execution context.
    pub execution_context_stack: Vec<ExecutionContext>,
    /// Table 1, shared by all realms of the agent.
    pub well_known: WellKnownSymbols,
    /// The GlobalSymbolRegistry (20.4.2.2): [[Key]] and [[Symbol]] pairs.
    pub global_symbol_registry: crate::spec::builtins::symbol::GlobalSymbolRegistry,
    pub host: HostHooks,
    /// Whether `print` keeps its lines in `printed` instead of writing them to stdout.
    pub capture_print: bool,
    /// Lines printed when the host captures output.
    pub printed: Vec<String>,
    /// The offset of the statement or expression being evaluated in the running code's
    /// source text, for error locations.
    pub current_offset: u32,
    /// Where the most recent `throw` happened (for reports of thrown primitives).
    pub last_throw_position: Option<SourcePosition>,
    /// Host data: an opaque value the host can keep per agent.
    pub host_data: Value,
    /// [[KeptAlive]] (Table 29): the objects and symbols AddToKeptObjects keeps alive
    /// until ClearKeptObjects (see builtins/weak_ref.rs).
    pub kept_alive: Vec<Value>,
    /// The promise-job queue (9.5).
    pub job_queue: JobQueue,
    /// Promises rejected with no handler, some of which may have been handled since: the
    /// unhandled ones are those whose [[PromiseIsHandled]] is still false (see
    /// [`HostHooks::promise_rejection_tracker`]).
    pub unhandled_rejections: Vec<Object>,
    /// The host's time and heap limits, and whether one ended the agent's work
    /// (`spec::resource_limits`, [`Agent::check_limits`]).
    pub limits: crate::spec::resource_limits::HostLimits,
    /// Every FinalizationRegistry made, held weakly, for the host's cleanup scheduling
    /// (builtins/finalization_registry.rs).
    pub finalization_registries: Vec<crate::spec::builtins::weak_ref::WeakTarget>,
    /// The lowest address the running native stack may use when code runs on a
    /// generator's or async function's own stack (`None`: the thread's stack).
    pub stack_limit: Option<usize>,
    /// The lowest address the thread's own stack may use, as stacker reports it, read at
    /// the first [`Agent::check_stack`] on that stack (0: not read yet; 1: stacker does
    /// not know it, so nothing is checked, as without the cache). The agent stays on the
    /// thread that made it (its collected values cannot leave it), so the address does not
    /// change. (Memory only: one subtraction per call instead of stacker's thread-local
    /// lookup.)
    thread_stack_limit: usize,
    /// The internal continuation object of the running generator or async body (its
    /// "asyncContext" for Await).
    pub running_continuation: Option<Object>,
    /// How many generator or async bodies are running inside one another.
    pub running_bodies: usize,
    /// The running body's corosensei Yielder (an address; 0 outside such bodies).
    pub yielder: usize,
    /// Every continuation made, to unwind the suspended ones when the agent goes away.
    pub continuations:
        Vec<std::rc::Weak<crate::spec::execution_context_suspension::ContinuationCell>>,
    /// The length of `continuations` after it was last pruned.
    pub continuations_pruned_at: usize,
    /// [[ModuleAsyncEvaluationCount]]: the next [[AsyncEvaluationOrder]] to give out.
    /// How many Module Records `new Module(...)` has created (names them `source#N` in
    /// messages, pictures and the event log).
    pub module_instance_count: u64,
    /// Evaluators records created so far (each is named `evaluators#N` in the event log).
    pub evaluators_count: u64,
    /// Compartment records created so far (`compartment#N`; a realm's start compartment
    /// counts).
    pub compartments_count: u64,
    /// A synchronous compartment load in progress (`importNow`, `loadNow`): the memos it
    /// changed and whether something would have had to wait.
    pub compartment_sync_load: Option<crate::spec::compartments::compartment_records::SyncLoad>,
    /// The compartment loads being followed synchronously, innermost last (a descriptor
    /// naming another load): a repeat is a cycle of descriptors.
    pub compartment_loads: Vec<(
        crate::spec::compartments::compartment_records::Compartment,
        String,
    )>,
    pub module_async_evaluation_count: u64,
    /// What the default HostLoadImportedModule asks for modules (`None`: no loader).
    pub module_loader: Option<std::rc::Rc<dyn crate::spec::module_semantics::ModuleLoader>>,
    /// The module event log's sink (`None`: off; see `spec::event_log`).
    pub events: Option<crate::spec::event_log::EventLog>,
    /// [[LittleEndian]] (Table 28): the byte order of GetValueFromBuffer and
    /// SetValueInBuffer when none is given (and of Atomics): the machine's.
    pub little_endian: bool,
    /// [[CanBlock]] (Table 28): whether the agent can block (AgentCanSuspend, 9.6.3), i.e.
    /// whether `Atomics.wait` may suspend it. True for the CLI's and test262's main agent.
    pub can_block: bool,
    /// [[Signifier]] (Table 28): this agent's agent signifier, unique in the process.
    pub signifier: u64,
    /// The promise capabilities of this agent's pending `Atomics.waitAsync` calls, by the
    /// id their Waiter Record carries (the WaiterList store is shared between agents and
    /// holds no ECMAScript values; see builtins/atomics_waiters.rs).
    pub async_waiters: std::collections::HashMap<u64, super::promise_objects::PromiseCapability>,
    /// How many agents of this agent's cluster are running, this one included, when the
    /// host runs several (test262's `$262.agent`); `None` for an agent alone. While others
    /// run, `run_jobs` waits for their notifications of this agent's `Atomics.waitAsync`
    /// promises.
    pub cluster: Option<std::sync::Arc<std::sync::atomic::AtomicUsize>>,
    /// The proposals this agent runs with (all by default; none: plain ECMAScript 2025):
    /// its parses accept their syntax, its realms get their globals
    /// (`crate::syntax::features`).
    pub features: crate::syntax::Features,
    /// Function Environment Records no code can reach any more, kept for reuse by
    /// PrepareForOrdinaryCall (memory only; `Env::recycle_function_record`).
    pub spare_function_environments: Vec<super::environment_records::SpareRecord>,
    /// The property keys of recently used identifier names
    /// (`interp::property_access::with_identifier_key`).
    pub name_keys: super::object_type::NameKeys,
    /// The property lists that closures and Arrays made alike share
    /// (`object_type::OtherList::Shared`).
    pub shared_properties: super::object_type::SharedLists,
    /// The slot records of recently made ECMAScript functions (memory only;
    /// `ecmascript_function_objects::FunctionSlotsCache`).
    pub function_slots: super::ecmascript_function_objects::FunctionSlotsCache,
}

/// The next agent signifier to give out.
static NEXT_AGENT_SIGNIFIER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Drop for Agent {
    fn drop(&mut self) {
        Agent::clear_thread_limits();
        crate::spec::execution_context_suspension::unwind_all(&mut self.continuations);
    }
}

impl Agent {
    pub fn new(host: HostHooks) -> Agent {
        Agent::clear_thread_limits();
        Agent {
            execution_context_stack: Vec::new(),
            well_known: WellKnownSymbols::new(),
            global_symbol_registry: Default::default(),
            host,
            capture_print: false,
            printed: Vec::new(),
            current_offset: 0,
            last_throw_position: None,
            host_data: Value::Undefined,
            kept_alive: Vec::new(),
            job_queue: JobQueue::default(),
            unhandled_rejections: Vec::new(),
            limits: Default::default(),
            finalization_registries: Vec::new(),
            stack_limit: None,
            thread_stack_limit: 0,
            running_continuation: None,
            running_bodies: 0,
            yielder: 0,
            continuations: Vec::new(),
            continuations_pruned_at: 0,
            // Table 29: "Initially 0".
            module_async_evaluation_count: 0,
            module_instance_count: 0,
            evaluators_count: 0,
            compartments_count: 0,
            compartment_sync_load: None,
            compartment_loads: Vec::new(),
            module_loader: None,
            events: None,
            little_endian: cfg!(target_endian = "little"),
            can_block: true,
            signifier: NEXT_AGENT_SIGNIFIER.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            async_waiters: std::collections::HashMap::new(),
            cluster: None,
            features: crate::syntax::Features::all(),
            spare_function_environments: Vec::new(),
            name_keys: Default::default(),
            shared_properties: Default::default(),
            function_slots: Default::default(),
        }
    }

    /// The running execution context.
    pub fn running_execution_context(&self) -> &ExecutionContext {
        self.execution_context_stack
            .last()
            .expect("the execution context stack is never empty while code runs")
    }

    pub fn running_execution_context_mut(&mut self) -> &mut ExecutionContext {
        self.execution_context_stack
            .last_mut()
            .expect("the execution context stack is never empty while code runs")
    }

    /// The current Realm Record: the running execution context's Evaluators' [[Realm]].
    pub fn current_realm(&self) -> Realm {
        self.running_execution_context().realm.clone()
    }

    /// The running execution context's Evaluators.
    pub fn current_evaluators(&self) -> Evaluators {
        self.running_execution_context().evaluators.clone()
    }

    /// %name% of the current realm.
    pub fn intrinsic(&self, which: Intrinsic) -> Object {
        self.running_execution_context().realm.intrinsic(which)
    }

    /// GetGlobalObject ( ) (9.4.6): the running context's Evaluators' [[GlobalObject]].
    pub fn get_global_object(&self) -> Object {
        // 1. Let currentRealm be the current Realm Record.
        crate::step!("sec-getglobalobject", "1");
        let evaluators = &self.running_execution_context().evaluators;
        // 2. Return currentRealm.[[GlobalObject]].
        crate::step!("sec-getglobalobject", "2");
        evaluators.global_object()
    }

    /// OrdinaryObjectCreate(%Object.prototype%).
    pub fn ordinary_object(&self) -> Object {
        ordinary_object_create(Some(self.intrinsic(Intrinsic::ObjectPrototype)))
    }

    /// Where the running code is.
    pub fn current_position(&self) -> Option<SourcePosition> {
        let context = self
            .execution_context_stack
            .iter()
            .rev()
            .find(|c| c.source.is_some())?;
        Some(SourcePosition {
            source: context.source.clone()?,
            offset: self.current_offset,
        })
    }

    /// A new error object of the current realm whose constructor is `which`.
    pub fn error(&mut self, which: Intrinsic, message: &str) -> Value {
        Value::Object(new_error(self, which, message))
    }

    pub fn type_error(&mut self, message: &str) -> Value {
        self.error(Intrinsic::TypeErrorPrototype, message)
    }

    pub fn range_error(&mut self, message: &str) -> Value {
        self.error(Intrinsic::RangeErrorPrototype, message)
    }

    pub fn reference_error(&mut self, message: &str) -> Value {
        self.error(Intrinsic::ReferenceErrorPrototype, message)
    }

    pub fn syntax_error(&mut self, message: &str) -> Value {
        self.error(Intrinsic::SyntaxErrorPrototype, message)
    }

    /// Blocks the agent until `until` (or, with no end, until `wait` says to stop
    /// waiting), keeping to the host's time limit: past it, the agent's work ends
    /// ([`Termination::TimeLimit`]) with the RangeError of [`Agent::check_limits`].
    /// `wait(limit)` sleeps at most until `limit` (or indefinitely for `None`) and returns
    /// whether to stop.
    pub fn block_until(
        &mut self,
        until: Option<std::time::Instant>,
        mut wait: impl FnMut(Option<std::time::Instant>) -> bool,
    ) -> JsResult<()> {
        loop {
            let deadline = self.limits.deadline;
            let limit = match (until, deadline) {
                (Some(u), Some(d)) => Some(u.min(d)),
                (u, d) => u.or(d),
            };
            if wait(limit) {
                return Ok(());
            }
            let now = std::time::Instant::now();
            if until.is_some_and(|u| now >= u) {
                return Ok(());
            }
            if deadline.is_some_and(|d| now >= d) {
                return Err(self.terminate(Termination::TimeLimit));
            }
        }
    }

    /// Refuses to go deeper when the native stack is nearly used up: a RangeError the
    /// program can catch, instead of a stack overflow.
    pub fn check_stack(&mut self) -> JsResult<()> {
        self.check_limits()?;
        let here = std::hint::black_box(0u8);
        let here = &here as *const u8 as usize;
        let limit = match self.stack_limit {
            // On a generator's or async function's own stack (spec/execution_context_suspension.rs).
            Some(limit) => limit,
            None if self.thread_stack_limit != 0 => self.thread_stack_limit,
            None => self.read_thread_stack_limit(here),
        };
        if here.saturating_sub(limit) < STACK_RED_ZONE {
            return Err(self.range_error("Maximum call stack size exceeded"));
        }
        Ok(())
    }

    /// The thread's stack limit for [`Agent::check_stack`], read from stacker once
    /// (`here`: the address check_stack measures from).
    #[cold]
    #[inline(never)]
    fn read_thread_stack_limit(&mut self, here: usize) -> usize {
        self.thread_stack_limit = match stacker::remaining_stack() {
            Some(remaining) => here.saturating_sub(remaining).max(2),
            None => 1,
        };
        self.thread_stack_limit
    }

    /// Runs `parse` where the parser's own stack checks (stacker) are right: on the
    /// thread's stack directly, or on a fresh segment when code runs on a coroutine stack,
    /// whose bounds stacker does not know.
    pub fn on_parser_stack<R>(&self, parse: impl FnOnce() -> R) -> R {
        match self.stack_limit {
            None => parse(),
            Some(_) => stacker::grow(64 * 1024 * 1024, parse),
        }
    }
}

/// AgentSignifier ( ) (9.6.1).
pub fn agent_signifier(agent: &Agent) -> u64 {
    // 1. Let AR be the Agent Record of the surrounding agent. (agent)
    crate::step!("sec-agentsignifier", "1");
    // 2. Return AR.[[Signifier]].
    crate::step!("sec-agentsignifier", "2");
    agent.signifier
}

/// AgentCanSuspend ( ) (9.6.2).
pub fn agent_can_suspend(agent: &Agent) -> bool {
    // 1. Let AR be the Agent Record of the surrounding agent. (agent)
    crate::step!("sec-agentcansuspend", "1");
    // 2. Return AR.[[CanBlock]].
    crate::step!("sec-agentcansuspend", "2");
    agent.can_block
}

/// IncrementModuleAsyncEvaluationCount ( ) (9.6.3).
pub fn increment_module_async_evaluation_count(agent: &mut Agent) -> u64 {
    // 1. Let AR be the Agent Record of the surrounding agent. (agent)
    crate::step!("sec-IncrementModuleAsyncEvaluationCount", "1");
    // 2. Let count be AR.[[ModuleAsyncEvaluationCount]].
    crate::step!("sec-IncrementModuleAsyncEvaluationCount", "2");
    let count = agent.module_async_evaluation_count;
    // 3. Set AR.[[ModuleAsyncEvaluationCount]] to count + 1.
    crate::step!("sec-IncrementModuleAsyncEvaluationCount", "3");
    agent.module_async_evaluation_count += 1;
    // 4. Return count.
    crate::step!("sec-IncrementModuleAsyncEvaluationCount", "4");
    count
}
