//! test262's `$262.agent` (INTERPRETING.md): agents on their own threads.
//!
//! The main agent (the test's engine) starts agents with `$262.agent.start(source)`: each
//! is a new [`Engine`] on a new thread (the collector's heap is per thread, so agents share
//! no object), running `source` with an agent-side `$262.agent` (`receiveBroadcast`,
//! `report`, `leaving`, `sleep`, `monotonicNow`). `broadcast(sab, n)` sends the
//! SharedArrayBuffer's Shared Data Block — the one thing agents share — to every agent,
//! which gets a SharedArrayBuffer object of its own on that block, and blocks until each
//! has received it. Reports are strings in a queue the main agent reads with `getReport`.
//!
//! The main side's state lives with the worker thread that runs the test, keyed by the
//! main agent's signifier: the next test's engine replaces it, which disconnects the
//! previous test's agents (each also stops at the test's time limit).

use super::engine::{Engine, EngineOptions, ScriptSource};
use super::host_globals::host_hooks;
use crate::spec::agents::{Agent, HostHooks};
use crate::spec::bigint_type::JsBigInt;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::builtins::helpers::{define_method, define_value};
use crate::spec::builtins::shared_array_buffer::shared_array_buffer_on_block;
use crate::spec::completion_record::JsResult;
use crate::spec::data_blocks::SharedDataBlock;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::Object;
use crate::spec::realms::Realm;
use crate::spec::type_conversion::{to_number, to_string};
use crate::spec::value::Value;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::{Duration, Instant};

/// The stack of an agent's thread (mapped lazily, like the workers' 256 MiB).
const AGENT_STACK_SIZE: usize = 64 * 1024 * 1024;

/// How long an agent lives when its engine has no time limit.
const AGENT_LIFETIME: Duration = Duration::from_secs(60);

/// The second value of a broadcast: "an Int32 or BigInt" (a BigInt as its digits, since
/// BigInt values belong to one thread's heap).
#[derive(Clone, Debug)]
enum BroadcastNumber {
    Number(f64),
    BigInt(String),
}

/// A broadcast, with the channel on which the agent acknowledges it.
struct Broadcast {
    block: SharedDataBlock,
    max_byte_length: Option<usize>,
    number: BroadcastNumber,
    received: Sender<()>,
}

/// The main agent's side of the cluster.
struct Cluster {
    /// The signifier of the main agent whose test this is.
    main: u64,
    /// The agents started, by the channels that reach them.
    agents: Vec<Sender<Broadcast>>,
    /// The reports the agents sent, oldest first.
    reports: Arc<Mutex<VecDeque<String>>>,
    /// How many agents of the cluster run, the main agent included.
    alive: Arc<AtomicUsize>,
}

thread_local! {
    /// The cluster of the main agent running on this thread.
    static CLUSTER: RefCell<Option<Cluster>> = const { RefCell::new(None) };
    /// On an agent's thread: its side of `$262.agent`.
    static AGENT_SIDE: RefCell<Option<AgentSide>> = const { RefCell::new(None) };
}

/// An agent's state: its broadcast channel, the report queue, the callback given to
/// `receiveBroadcast` and whether it called `leaving`.
struct AgentSide {
    broadcasts: Receiver<Broadcast>,
    reports: Arc<Mutex<VecDeque<String>>>,
    callback: Option<Value>,
    leaving: bool,
}

/// The origin of `monotonicNow`, shared by every agent of the process.
static ORIGIN: LazyLock<Instant> = LazyLock::new(Instant::now);

/// Runs `f` on the cluster of the main agent `agent` (a new one for a new main agent).
fn with_cluster<R>(agent: &mut Agent, f: impl FnOnce(&mut Cluster) -> R) -> R {
    CLUSTER.with(|cluster| {
        let mut cluster = cluster.borrow_mut();
        if cluster.as_ref().is_none_or(|c| c.main != agent.signifier) {
            let alive = Arc::new(AtomicUsize::new(1));
            agent.cluster = Some(alive.clone());
            *cluster = Some(Cluster {
                main: agent.signifier,
                agents: Vec::new(),
                reports: Arc::new(Mutex::new(VecDeque::new())),
                alive,
            });
        }
        let Some(cluster) = cluster.as_mut() else {
            unreachable!("the cluster was just made")
        };
        f(cluster)
    })
}

/// Defines `$262.agent` for the main agent on the test262 host object `host`.
pub fn define_main_agent_object(agent: &mut Agent, host: &Object) {
    let object = agent.ordinary_object();
    define_method(agent, &object, "start", 1, start);
    define_method(agent, &object, "broadcast", 2, broadcast);
    define_method(agent, &object, "getReport", 0, get_report);
    define_method(agent, &object, "sleep", 1, sleep);
    define_method(agent, &object, "monotonicNow", 0, monotonic_now);
    define_value(host, "agent", Value::Object(object), true, false, true);
}

/// `$262.agent.start(source)`: runs `source` in a new agent; returns once it runs.
fn start(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let source = to_string(agent, &call.arg(0))?.to_rust_string();
    let (reports, alive) = with_cluster(agent, |c| (c.reports.clone(), c.alive.clone()));
    let lifetime = agent.limits.deadline.map_or(AGENT_LIFETIME, |d| {
        d.saturating_duration_since(Instant::now())
    });
    let (broadcasts, receiver) = channel::<Broadcast>();
    let (started, running) = channel::<()>();
    let features = agent.features;
    alive.fetch_add(1, Ordering::SeqCst);
    let thread_alive = alive.clone();
    let spawned = std::thread::Builder::new()
        .name("test262-agent".to_string())
        .stack_size(AGENT_STACK_SIZE)
        .spawn(move || {
            run_agent(
                source,
                receiver,
                reports,
                thread_alive.clone(),
                started,
                lifetime,
                features,
            );
            thread_alive.fetch_sub(1, Ordering::SeqCst);
        });
    if spawned.is_err() {
        alive.fetch_sub(1, Ordering::SeqCst);
        return Err(agent.type_error("$262.agent.start: cannot start a thread for the agent"));
    }
    // "Will block until that agent is running."
    let _ = running.recv_timeout(lifetime);
    with_cluster(agent, |c| c.agents.push(broadcasts));
    Ok(Value::Undefined)
}

/// The life of an agent's thread: evaluate its script, then handle broadcasts (calling the
/// `receiveBroadcast` callback and running the jobs) until it leaves, the main agent's
/// test ends or its time is up.
fn run_agent(
    source: String,
    broadcasts: Receiver<Broadcast>,
    reports: Arc<Mutex<VecDeque<String>>>,
    alive: Arc<AtomicUsize>,
    started: Sender<()>,
    lifetime: Duration,
    features: crate::syntax::Features,
) {
    let hooks = HostHooks {
        define_host_globals: define_agent_globals,
        ..host_hooks(false)
    };
    let mut engine = Engine::with_host_hooks(
        EngineOptions {
            test262: false,
            capture_print: true,
            features,
        },
        hooks,
    );
    let end = Instant::now() + lifetime;
    engine.set_time_limit(Some(lifetime));
    engine.agent_mut().cluster = Some(alive);
    AGENT_SIDE.with(|side| {
        *side.borrow_mut() = Some(AgentSide {
            broadcasts,
            reports,
            callback: None,
            leaving: false,
        })
    });
    let _ = started.send(());
    let options = crate::syntax::ParseOptions::script().with_features(features);
    let program = match crate::syntax::parse(&source, options) {
        Ok(program) => Arc::new(program),
        Err(_) => return,
    };
    let script = ScriptSource {
        name: "agent".to_string(),
        text: Arc::from(source.as_str()),
        program,
    };
    if engine.evaluate_script(&script).is_err() || engine.run_jobs().is_err() {
        return;
    }
    loop {
        let next = AGENT_SIDE.with(|side| {
            let side = side.borrow();
            let side = side.as_ref()?;
            if side.leaving || side.callback.is_none() {
                return None;
            }
            let remaining = end.saturating_duration_since(Instant::now());
            side.broadcasts
                .recv_timeout(remaining)
                .ok()
                .map(|b| (b, side.callback.clone()))
        });
        let Some((broadcast, Some(callback))) = next else {
            break;
        };
        let _ = broadcast.received.send(());
        let agent = engine.agent_mut();
        let sab = shared_array_buffer_on_block(agent, broadcast.block, broadcast.max_byte_length);
        let number = match broadcast.number {
            BroadcastNumber::Number(n) => Value::Number(n),
            BroadcastNumber::BigInt(digits) => {
                // (A BigInt past the size limit cannot have been broadcast.)
                JsBigInt::from_literal(&digits)
                    .ok()
                    .flatten()
                    .map_or(Value::Undefined, Value::BigInt)
            }
        };
        let called = engine.call(&callback, &Value::Undefined, &[Value::Object(sab), number]);
        if called.is_err() || engine.run_jobs().is_err() {
            break;
        }
    }
}

/// The host globals of an agent's realm: `print` and `console.log` (captured) and a `$262`
/// whose `agent` has the agent-side functions.
fn define_agent_globals(agent: &mut Agent, realm: &Realm) -> JsResult<()> {
    let global = realm.evaluators().global_object();
    let host = agent.ordinary_object();
    let object = agent.ordinary_object();
    define_method(agent, &object, "receiveBroadcast", 1, receive_broadcast);
    define_method(agent, &object, "report", 1, report);
    define_method(agent, &object, "leaving", 0, leaving);
    define_method(agent, &object, "sleep", 1, sleep);
    define_method(agent, &object, "monotonicNow", 0, monotonic_now);
    define_value(&host, "agent", Value::Object(object), true, false, true);
    define_value(&global, "$262", Value::Object(host), true, false, true);
    Ok(())
}

/// `$262.agent.broadcast(sab, n)`: sends the SharedArrayBuffer (or a view's buffer) and
/// `n` to every agent; returns once each has received them.
fn broadcast(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let shared = match call.arg(0) {
        Value::Object(o) => {
            let buffer = match &o.data().kind {
                ObjectKind::TypedArray(t) => t.viewed_array_buffer.clone(),
                _ => Some(o.clone()),
            };
            buffer.and_then(|b| match &b.data().kind {
                ObjectKind::SharedArrayBuffer(d) => Some((d.block.clone(), d.max_byte_length)),
                _ => None,
            })
        }
        _ => None,
    };
    let Some((block, max_byte_length)) = shared else {
        return Err(agent.type_error("$262.agent.broadcast: not a SharedArrayBuffer"));
    };
    let number = match call.arg(1) {
        Value::BigInt(b) => BroadcastNumber::BigInt(b.value().to_string()),
        Value::Undefined => BroadcastNumber::Number(0.0),
        other => BroadcastNumber::Number(to_number(agent, &other)?),
    };
    let (received, acknowledgements) = channel::<()>();
    let agents = with_cluster(agent, |c| c.agents.clone());
    let mut sent = 0;
    for to in agents {
        let message = Broadcast {
            block: block.clone(),
            max_byte_length,
            number: number.clone(),
            received: received.clone(),
        };
        if to.send(message).is_ok() {
            sent += 1;
        }
    }
    drop(received);
    // "The function blocks until all agents have retrieved the message."
    for _ in 0..sent {
        let limit = agent
            .limits
            .deadline
            .map(|d| d.saturating_duration_since(Instant::now()));
        let acknowledged = match limit {
            Some(limit) => acknowledgements.recv_timeout(limit).is_ok(),
            None => acknowledgements.recv().is_ok(),
        };
        if !acknowledged {
            break;
        }
    }
    Ok(Value::Undefined)
}

/// `$262.agent.getReport()`: the oldest report not read yet, or null.
fn get_report(agent: &mut Agent, _call: &BuiltinCall) -> JsResult<Value> {
    let reports = with_cluster(agent, |c| c.reports.clone());
    let report = reports
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .pop_front();
    Ok(report.map_or(Value::Null, |r| Value::string(&r)))
}

/// `$262.agent.sleep(ms)` (both sides): sleeps about that long, within the time limit.
fn sleep(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let ms = to_number(agent, &call.arg(0))?;
    let duration = Duration::from_secs_f64((ms / 1000.0).clamp(0.0, 1e6));
    agent.block_until(Some(Instant::now() + duration), |limit| {
        if let Some(limit) = limit {
            std::thread::sleep(limit.saturating_duration_since(Instant::now()));
        }
        false
    })?;
    Ok(Value::Undefined)
}

/// `$262.agent.monotonicNow()` (both sides): milliseconds on a monotonic clock.
fn monotonic_now(_agent: &mut Agent, _call: &BuiltinCall) -> JsResult<Value> {
    Ok(Value::Number(ORIGIN.elapsed().as_secs_f64() * 1000.0))
}

/// `$262.agent.receiveBroadcast(callback)` (agent side).
fn receive_broadcast(_agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let callback = call.arg(0);
    AGENT_SIDE.with(|side| {
        if let Some(side) = side.borrow_mut().as_mut() {
            side.callback = Some(callback);
        }
    });
    Ok(Value::Undefined)
}

/// `$262.agent.report(message)` (agent side): ToString(message) to the main agent.
fn report(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let message = to_string(agent, &call.arg(0))?.to_rust_string();
    AGENT_SIDE.with(|side| {
        if let Some(side) = side.borrow().as_ref() {
            side.reports
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .push_back(message);
        }
    });
    Ok(Value::Undefined)
}

/// `$262.agent.leaving()` (agent side): the agent is done once its jobs are.
fn leaving(_agent: &mut Agent, _call: &BuiltinCall) -> JsResult<Value> {
    AGENT_SIDE.with(|side| {
        if let Some(side) = side.borrow_mut().as_mut() {
            side.leaving = true;
        }
    });
    Ok(Value::Undefined)
}
