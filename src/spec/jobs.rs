//! 9.5 Jobs and Host Operations to Enqueue Jobs (sec-jobs): Job Abstract Closures, JobCallback
//! Records and the promise-job queue of the agent.
//!
//! ECMA-262 leaves the queue to the host, requiring only that promise jobs run in FIFO order
//! once the execution context stack is empty (9.5 and HostEnqueuePromiseJob's
//! requirements). This host keeps one FIFO queue per agent; [`run_jobs`] drains it.

use super::agents::Agent;
use super::builtins::finalization_registry::enqueue_finalization_registry_cleanup_jobs;
use super::builtins::weak_ref::clear_kept_objects;
use super::completion_record::JsResult;
use super::evaluators::Evaluators;
use super::execution_contexts::ExecutionContext;
use super::operations_on_objects::call;
use super::realms::Realm;
use super::testing_and_comparison::is_callable;
use super::value::Value;
use boa_gc::{Finalize, Trace};
use std::collections::VecDeque;

/// A Job Abstract Closure: no parameters; the agent is the implicit surrounding agent.
pub type JobClosure = Box<dyn FnOnce(&mut Agent) -> JsResult<Value>>;

/// A job waiting in the queue, with the realm HostEnqueuePromiseJob was given (null for
/// jobs whose handler's realm could not be determined).
pub struct PendingJob {
    pub job: JobClosure,
    pub realm: Option<Realm>,
    /// The Evaluators the job runs with (Compartments layer 3): those of the code that
    /// enqueued it when they belong to `realm`, else `realm`'s default Evaluators.
    pub evaluators: Option<Evaluators>,
}

impl PendingJob {
    /// A job for `realm`, enqueued by the running execution context.
    pub fn new(agent: &Agent, job: JobClosure, realm: Option<Realm>) -> PendingJob {
        let evaluators = realm
            .as_ref()
            .map(|realm| crate::spec::builtin_function_objects::inherited_evaluators(agent, realm));
        PendingJob {
            job,
            realm,
            evaluators,
        }
    }
}

/// The agent's promise-job queue, and the jobs HostEnqueueTimeoutJob scheduled for later
/// (each with the time from which it may run, in the order they were enqueued).
#[derive(Default)]
pub struct JobQueue {
    pub jobs: VecDeque<PendingJob>,
    pub timeout_jobs: Vec<(std::time::Instant, PendingJob)>,
}

/// A JobCallback Record (Table 27): [[Callback]] and [[HostDefined]] (undefined when the
/// host adds nothing, as the default HostMakeJobCallback does).
#[derive(Clone, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct JobCallback {
    pub callback: Value,
    pub host_defined: Value,
}

/// HostMakeJobCallback ( callback ) (9.5.2): the host's hook
/// ([`super::agents::HostHooks::make_job_callback`]).
pub fn host_make_job_callback(agent: &mut Agent, callback: Value) -> JobCallback {
    (agent.host.make_job_callback)(agent, callback)
}

/// The default implementation of HostMakeJobCallback (9.5.2).
pub fn default_make_job_callback(_agent: &mut Agent, callback: Value) -> JobCallback {
    // 1. Return the JobCallback Record { [[Callback]]: callback, [[HostDefined]]: empty }.
    crate::step!("sec-hostmakejobcallback", "1");
    JobCallback {
        callback,
        host_defined: Value::Undefined,
    }
}

/// HostCallJobCallback ( jobCallback, V, argumentsList ) (9.5.3): the host's hook
/// ([`super::agents::HostHooks::call_job_callback`]).
pub fn host_call_job_callback(
    agent: &mut Agent,
    job_callback: &JobCallback,
    v: &Value,
    arguments_list: &[Value],
) -> JsResult<Value> {
    (agent.host.call_job_callback)(agent, job_callback, v, arguments_list)
}

/// The default implementation of HostCallJobCallback (9.5.3).
pub fn default_call_job_callback(
    agent: &mut Agent,
    job_callback: &JobCallback,
    v: &Value,
    arguments_list: &[Value],
) -> JsResult<Value> {
    // 1. Assert: IsCallable(jobCallback.[[Callback]]) is true.
    crate::spec_assert!(
        "sec-hostcalljobcallback",
        "1",
        is_callable(&job_callback.callback)
    );
    // 2. Return ? Call(jobCallback.[[Callback]], V, argumentsList).
    crate::step!("sec-hostcalljobcallback", "2");
    call(agent, &job_callback.callback, v, arguments_list)
}

/// HostEnqueuePromiseJob ( job, realm ) (9.5.5): the host's hook
/// ([`super::agents::HostHooks::enqueue_promise_job`]).
pub fn host_enqueue_promise_job(agent: &mut Agent, job: JobClosure, realm: Option<Realm>) {
    let job = PendingJob::new(agent, job, realm);
    (agent.host.enqueue_promise_job)(agent, job)
}

/// HostEnqueueGenericJob ( job, realm ) (9.5.4): the host's hook
/// ([`super::agents::HostHooks::enqueue_generic_job`]; used for FinalizationRegistry
/// cleanup jobs).
pub fn host_enqueue_generic_job(agent: &mut Agent, job: JobClosure, realm: Option<Realm>) {
    let job = PendingJob::new(agent, job, realm);
    (agent.host.enqueue_generic_job)(agent, job)
}

/// The default HostEnqueuePromiseJob and HostEnqueueGenericJob: append to the agent's FIFO
/// queue, which [`run_jobs`] drains — every job runs after the jobs enqueued before it
/// (the FIFO requirement of HostEnqueuePromiseJob).
pub fn default_enqueue_job(agent: &mut Agent, job: PendingJob) {
    agent.job_queue.jobs.push_back(job);
}

/// The default HostEnqueuePromiseJob ( job, realm ) (9.5.5), whose steps are this host's
/// reading of the clause's requirements (`spec-steps/sec-hostenqueuepromisejob.yaml`).
pub fn default_enqueue_promise_job(agent: &mut Agent, job: PendingJob) {
    // 1. Append job, with realm, to the end of the surrounding agent's job queue, so that
    //    jobs run in the same order as the HostEnqueuePromiseJob invocations that
    //    scheduled them.
    crate::step!("sec-hostenqueuepromisejob", "1");
    default_enqueue_job(agent, job);
}

/// The default HostEnqueueGenericJob ( job, realm ) (9.5.4), read from the clause's
/// requirements (`spec-steps/sec-hostenqueuegenericjob.yaml`).
pub fn default_enqueue_generic_job(agent: &mut Agent, job: PendingJob) {
    // 1. Append job, with realm, to the end of the job queue of the agent signified by
    //    realm.[[AgentSignifier]] (the surrounding agent), to be performed at some future
    //    time, after the jobs queued before it.
    crate::step!("sec-hostenqueuegenericjob", "1");
    default_enqueue_job(agent, job);
}

/// HostEnqueueTimeoutJob ( timeoutJob, realm, milliseconds ) (9.5.6): the host's hook
/// ([`super::agents::HostHooks::enqueue_timeout_job`]; used for `Atomics.waitAsync`'s
/// timeouts).
pub fn host_enqueue_timeout_job(
    agent: &mut Agent,
    timeout_job: JobClosure,
    realm: Option<Realm>,
    milliseconds: f64,
) {
    let job = PendingJob::new(agent, timeout_job, realm);
    (agent.host.enqueue_timeout_job)(agent, job, milliseconds)
}

/// The default HostEnqueueTimeoutJob: the job joins the agent's queue once `milliseconds`
/// have passed ([`run_jobs`] waits for it when nothing else is left to run).
pub fn default_enqueue_timeout_job(agent: &mut Agent, job: PendingJob, milliseconds: f64) {
    let delay = std::time::Duration::from_secs_f64((milliseconds / 1000.0).clamp(0.0, 1e9));
    let due = std::time::Instant::now() + delay;
    agent.job_queue.timeout_jobs.push((due, job));
}

/// Moves the timeout jobs whose time has come to the end of the job queue, so that a
/// stream of promise jobs cannot hold them back.
fn queue_due_timeout_jobs(agent: &mut Agent) {
    if agent.job_queue.timeout_jobs.is_empty() {
        return;
    }
    let now = std::time::Instant::now();
    let mut i = 0;
    while i < agent.job_queue.timeout_jobs.len() {
        if agent.job_queue.timeout_jobs[i].0 <= now {
            let (_, job) = agent.job_queue.timeout_jobs.remove(i);
            agent.job_queue.jobs.push_back(job);
        } else {
            i += 1;
        }
    }
}

/// Runs queued jobs until the queue is empty, each "when there is no running execution
/// context" — here: on top of the host's base context, with a context for the job's realm
/// pushed when it has one, so that operations the job performs directly (CreateBuiltinFunction
/// in NewPromiseResolveThenableJob, say) see that realm as the current Realm Record.
///
/// After each job, ClearKeptObjects (9.10.3): a synchronous sequence of ECMAScript
/// execution has completed.
///
/// A job that ends abruptly stops the run: its thrown value is returned (the host reports
/// it, as HTML's "report an exception"). Jobs it left queued stay queued. So does the
/// host's deadline ([`Agent::check_limits`]), checked before each job.
pub fn run_jobs(agent: &mut Agent) -> Result<(), Value> {
    loop {
        while !agent.job_queue.jobs.is_empty() {
            agent.check_limits()?;
            queue_due_timeout_jobs(agent);
            let Some(PendingJob {
                job, evaluators, ..
            }) = agent.job_queue.jobs.pop_front()
            else {
                break;
            };
            // 9.5: "At some future point in time, when there is no running context in the
            // agent for which the job is scheduled and that agent's execution context stack
            // is empty, the implementation must:"
            // 1. Perform any host-defined preparation steps.
            crate::step!("sec-jobs", "1");
            let pushed = match evaluators {
                Some(evaluators) => {
                    agent
                        .execution_context_stack
                        .push(ExecutionContext::without_code(None, evaluators));
                    true
                }
                None => false,
            };
            // 2. Invoke the Job Abstract Closure.
            crate::step!("sec-jobs", "2");
            let result = job(agent);
            // 3. Perform any host-defined cleanup steps, after which the execution context
            //    stack must be empty (here: only the host's base context is left).
            crate::step!("sec-jobs", "3");
            if pushed {
                agent.execution_context_stack.pop();
            }
            clear_kept_objects(agent);
            result?;
        }
        // The queue is empty: bodies the collector freed can be unwound, and registries
        // whose targets were collected get their cleanup jobs (9.9.3), which run next.
        crate::spec::execution_context_suspension::drop_collected_continuations();
        if enqueue_finalization_registry_cleanup_jobs(agent) {
            continue;
        }
        // Resolutions of this agent's Atomics.waitAsync promises that other agents posted
        // (EnqueueResolveInAgentJob).
        if crate::spec::builtins::atomics_wait::resolve_posted_waiters(agent) {
            continue;
        }
        // Nothing else to run: wait for the earliest timeout job (HostEnqueueTimeoutJob)
        // and, while other agents of the cluster run, for their settlements of this
        // agent's Atomics.waitAsync promises — keeping to the host's deadline.
        let next = (0..agent.job_queue.timeout_jobs.len())
            .min_by_key(|&i| agent.job_queue.timeout_jobs[i].0);
        let others_may_notify = crate::spec::builtins::atomics_wait::has_async_waiters(agent)
            && agent
                .cluster
                .as_ref()
                .is_some_and(|c| c.load(std::sync::atomic::Ordering::SeqCst) > 1);
        if next.is_none() && !others_may_notify {
            return Ok(());
        }
        let due = next.map(|next| agent.job_queue.timeout_jobs[next].0);
        let signifier = agent.signifier;
        let mut posted = false;
        agent.block_until(due, |limit| {
            if others_may_notify {
                posted =
                    crate::spec::builtins::atomics_wait::wait_for_posted_waiters(signifier, limit);
                posted
            } else {
                if let Some(limit) = limit {
                    let now = std::time::Instant::now();
                    std::thread::sleep(limit.saturating_duration_since(now));
                }
                false
            }
        })?;
        if !posted {
            if let Some(next) = next {
                let (_, job) = agent.job_queue.timeout_jobs.remove(next);
                agent.job_queue.jobs.push_back(job);
            }
        }
    }
}
