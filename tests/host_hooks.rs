//! The job queue is behind the host's hooks (HostEnqueuePromiseJob, HostMakeJobCallback,
//! HostCallJobCallback, HostPromiseRejectionTracker): an embedder that replaces them sees
//! every call and decides the schedule.

use compartments::host::engine::{Engine, EngineOptions, ScriptSource};
use compartments::host::host_globals::host_hooks;
use compartments::spec::agents::{Agent, HostHooks, RejectionOperation};
use compartments::spec::jobs::{default_call_job_callback, JobCallback, PendingJob};
use compartments::spec::object_type::Object;
use compartments::spec::value::Value;
use compartments::syntax::parse_script;
use std::cell::RefCell;
use std::sync::Arc;

thread_local! {
    static EVENTS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn record(event: &str) {
    EVENTS.with(|e| e.borrow_mut().push(event.to_string()));
}

/// A host that runs promise jobs last-in first-out (not conforming: ECMA-262 requires FIFO;
/// it shows the host decides).
fn enqueue_lifo(agent: &mut Agent, job: PendingJob) {
    record("enqueue");
    agent.job_queue.jobs.push_front(job);
}

fn counting_call(
    agent: &mut Agent,
    job_callback: &JobCallback,
    v: &Value,
    arguments: &[Value],
) -> Result<Value, Value> {
    record("call");
    default_call_job_callback(agent, job_callback, v, arguments)
}

fn tracker(_agent: &mut Agent, _promise: &Object, operation: RejectionOperation) {
    record(match operation {
        RejectionOperation::Reject => "reject",
        RejectionOperation::Handle => "handle",
    });
}

fn run(hooks: HostHooks, text: &str) -> (Vec<String>, Vec<String>) {
    EVENTS.with(|e| e.borrow_mut().clear());
    let options = EngineOptions {
        test262: false,
        capture_print: true,
        ..EngineOptions::default()
    };
    let mut engine = Engine::with_host_hooks(options, hooks);
    let source = ScriptSource {
        name: "hooks.js".to_string(),
        text: Arc::from(text),
        program: Arc::new(parse_script(text).expect("the script parses")),
    };
    engine.evaluate_script(&source).expect("the script runs");
    engine.run_jobs().expect("the jobs run");
    (engine.take_printed(), EVENTS.with(|e| e.borrow().clone()))
}

#[test]
fn the_host_schedules_jobs_and_calls_their_callbacks() {
    let hooks = HostHooks {
        enqueue_promise_job: enqueue_lifo,
        call_job_callback: counting_call,
        ..host_hooks(false)
    };
    let (printed, events) = run(
        hooks,
        "Promise.resolve().then(() => print('first'));\n\
         Promise.resolve().then(() => print('second'));",
    );
    // Two reaction jobs, each calling its handler through HostCallJobCallback; run LIFO.
    assert_eq!(printed, ["second", "first"]);
    assert_eq!(events, ["enqueue", "enqueue", "call", "call"]);
}

#[test]
fn the_host_tracks_rejections_and_their_late_handling() {
    let hooks = HostHooks {
        promise_rejection_tracker: tracker,
        ..HostHooks::default()
    };
    let (_, events) = run(
        hooks,
        "var p = Promise.reject(1);\n\
         Promise.resolve().then(() => p.catch(() => {}));",
    );
    // RejectPromise on a promise without handlers: "reject"; PerformPromiseThen on a
    // rejected, unhandled promise (inside the job): "handle".
    assert_eq!(events, ["reject", "handle"]);
}
