//! 25.4.1-25.4.3 The Atomics object's waiting and notification: Waiter Records, WaiterList
//! Records and their critical sections, SuspendThisAgent, NotifyWaiter,
//! EnqueueResolveInAgentJob, DoWait and EnqueueAtomicsWaitAsyncTimeoutJob, and
//! `Atomics.notify`'s steps over them.
//!
//! ## The WaiterList store
//!
//! "The agent cluster has a store of WaiterList Records ... indexed by (block, i)": one
//! process-wide map from (the Shared Data Block's identity, byte index) to its list, behind
//! one mutex. Holding that mutex is being in the critical section of every WaiterList at
//! once — stronger than the spec's one critical section per list, which no program can
//! tell apart. A list left empty is removed from the map.
//!
//! Waiter Records hold no ECMAScript value, so that agents on other threads can share the
//! store: a waiter of `Atomics.waitAsync` carries the id of its PromiseCapability Record,
//! which its agent keeps ([`Agent::async_waiters`]). A suspended agent waits on the store's
//! condition variable, which releases the mutex and sleeps in one step (SuspendThisAgent's
//! "in such a way that a notification ... is not lost"); NotifyWaiter removes the waiter
//! and wakes the sleepers, each of which looks whether its own record is still listed.
//! Resolving another agent's waiter (EnqueueResolveInAgentJob) posts to that agent's
//! mailbox, which its job loop drains.

use super::array_buffer_abstract_operations::{get_value_from_buffer, shared_block, Order};
use super::atomics::{validate_atomic_access, validate_integer_typed_array};
use crate::spec::agents::Agent;
use crate::spec::completion_record::JsResult;
use crate::spec::data_blocks::SharedDataBlock;
use crate::spec::jobs::{host_enqueue_generic_job, host_enqueue_timeout_job};
use crate::spec::object_type::Object;
use crate::spec::operations_on_objects::{call, create_data_property_or_throw};
use crate::spec::ordinary_object_internal_methods::ordinary_object_create;
use crate::spec::promise_objects::new_promise_capability;
use crate::spec::realms::Intrinsic;
use crate::spec::type_conversion::{to_big_int64, to_int32, to_number, Numeric};
use crate::spec::typed_array_exotic_objects::TypedArrayWithBufferWitness;
use crate::spec::value::Value;
use std::collections::HashMap;
use std::sync::{Condvar, LazyLock, Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// A Waiter Record's [[Result]].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WaitResult {
    Ok,
    TimedOut,
}

impl WaitResult {
    fn as_str(self) -> &'static str {
        match self {
            WaitResult::Ok => "ok",
            WaitResult::TimedOut => "timed-out",
        }
    }
}

/// A Waiter Record (25.4.1), with an id that identifies it in its list.
#[derive(Clone, Debug)]
struct WaiterRecord {
    id: u64,
    /// [[AgentSignifier]].
    agent_signifier: u64,
    /// [[PromiseCapability]]: `None` is ~blocking~; `Some` is an `Atomics.waitAsync`
    /// call's capability, kept by its agent under this record's id.
    promise_capability: Option<u64>,
    /// [[TimeoutTime]] (a time value; +∞ for no timeout).
    #[allow(dead_code)]
    timeout_time: f64,
    /// [[Result]].
    result: WaitResult,
}

/// A WaiterList Record (25.4.2): [[Waiters]] ([[MostRecentLeaveEvent]] belongs to the
/// memory model's events, which are not recorded).
#[derive(Default)]
struct WaiterList {
    waiters: Vec<WaiterRecord>,
}

/// The key of a WaiterList in the store: the block's identity and the byte index.
type WaiterListKey = (usize, usize);

/// The agent cluster's store of WaiterList Records (see the module documentation).
#[derive(Default)]
struct Store {
    lists: HashMap<WaiterListKey, WaiterList>,
    next_id: u64,
    /// EnqueueResolveInAgentJob's messages, per agent: (waiter id, resolution).
    mailboxes: HashMap<u64, Vec<(u64, WaitResult)>>,
}

static STORE: LazyLock<Mutex<Store>> = LazyLock::new(|| Mutex::new(Store::default()));
/// Where suspended agents sleep; NotifyWaiter wakes them.
static WAKE: Condvar = Condvar::new();

/// Being in the critical section of the WaiterLists: the store's lock.
type CriticalSection = MutexGuard<'static, Store>;

/// GetWaiterList ( block, i ) (25.4.3.5): the key of the list (created when first used).
fn get_waiter_list(block: &SharedDataBlock, i: usize) -> WaiterListKey {
    // 1. Assert: i and i + 3 are valid byte offsets within the memory of block.
    crate::spec_assert!(
        "sec-getwaiterlist",
        "1",
        by: "ValidateAtomicAccess and RevalidateAtomicAccess checked i against the buffer's length"
    );
    // 2. Return the WaiterList Record that is referenced by the pair (block, i).
    crate::step!("sec-getwaiterlist", "2");
    (block.id(), i)
}

/// EnterCriticalSection ( WL ) (25.4.3.6).
fn enter_critical_section() -> CriticalSection {
    // 1. Assert: The surrounding agent is not in the critical section for any WaiterList
    //    Record.
    // 2. Wait until no agent is in the critical section for WL, then enter the critical
    //    section for WL (without allowing any other agent to enter).
    // 3. If WL.[[MostRecentLeaveEvent]] is not empty, then (the Synchronize events are
    //    not recorded).
    // 4. Return unused.
    STORE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// LeaveCriticalSection ( WL ) (25.4.3.7): drops the lock (an empty list leaves the store).
fn leave_critical_section(mut cs: CriticalSection, wl: WaiterListKey) {
    // 1. Assert: The surrounding agent is in the critical section for WL.
    // 2-7. The leave event (not recorded).
    if cs.lists.get(&wl).is_some_and(|l| l.waiters.is_empty()) {
        cs.lists.remove(&wl);
    }
    // 8. Leave the critical section for WL.
    drop(cs);
    // 9. Return unused.
}

/// AddWaiter ( WL, waiterRecord ) (25.4.3.8).
fn add_waiter(cs: &mut CriticalSection, wl: WaiterListKey, waiter_record: WaiterRecord) {
    // 1. Assert: The surrounding agent is in the critical section for WL.
    crate::spec_assert!("sec-addwaiter", "1", by: "cs is the guard of the WaiterLists' lock");
    // 2. Assert: There is no Waiter Record in WL.[[Waiters]] whose [[PromiseCapability]]
    //    field is waiterRecord.[[PromiseCapability]] and whose [[AgentSignifier]] field is
    //    waiterRecord.[[AgentSignifier]].
    crate::spec_assert!(
        "sec-addwaiter",
        "2",
        by: "each Waiter Record gets a fresh id, and a promise capability belongs to one record"
    );
    // 3. Append waiterRecord to WL.[[Waiters]].
    crate::step!("sec-addwaiter", "3");
    cs.lists.entry(wl).or_default().waiters.push(waiter_record);
    // 4. Return unused.
    crate::step!("sec-addwaiter", "4");
}

/// RemoveWaiter ( WL, waiterRecord ) (25.4.3.9): the record, as it was in the list.
fn remove_waiter(cs: &mut CriticalSection, wl: WaiterListKey, id: u64) -> Option<WaiterRecord> {
    // (The callers first ask whether WL.[[Waiters]] contains waiterRecord: `None` when it
    // does not, and RemoveWaiter's steps run only when it does.)
    let list = cs.lists.get_mut(&wl)?;
    let position = list.waiters.iter().position(|w| w.id == id)?;
    // 1. Assert: The surrounding agent is in the critical section for WL.
    crate::spec_assert!("sec-removewaiter", "1", by: "cs is the guard of the WaiterLists' lock");
    // 2. Assert: WL.[[Waiters]] contains waiterRecord.
    crate::spec_assert!("sec-removewaiter", "2", by: "its position was found just above");
    // 3. Remove waiterRecord from WL.[[Waiters]].
    crate::step!("sec-removewaiter", "3");
    let removed = list.waiters.remove(position);
    // 4. Return unused.
    crate::step!("sec-removewaiter", "4");
    Some(removed)
}

/// Whether WL.[[Waiters]] contains the waiter `id`.
fn contains_waiter(cs: &CriticalSection, wl: WaiterListKey, id: u64) -> bool {
    cs.lists
        .get(&wl)
        .is_some_and(|l| l.waiters.iter().any(|w| w.id == id))
}

/// RemoveWaiters ( WL, c ) (25.4.3.10); `None` is +∞.
fn remove_waiters(
    cs: &mut CriticalSection,
    wl: WaiterListKey,
    c: Option<u64>,
) -> Vec<WaiterRecord> {
    // 1. Assert: The surrounding agent is in the critical section for WL.
    crate::spec_assert!("sec-removewaiters", "1", by: "cs is the guard of the WaiterLists' lock");
    // (A WaiterList with no waiters is not stored: its len is 0.)
    let mut empty = Vec::new();
    let waiters = match cs.lists.get_mut(&wl) {
        Some(list) => &mut list.waiters,
        None => &mut empty,
    };
    // 2. Let len be the number of elements in WL.[[Waiters]].
    crate::step!("sec-removewaiters", "2");
    let len = waiters.len();
    // 3. Let n be min(c, len).
    crate::step!("sec-removewaiters", "3");
    let n = c.map_or(len, |c| (c.min(len as u64)) as usize);
    // 4. Let L be a List whose elements are the first n elements of WL.[[Waiters]].
    crate::step!("sec-removewaiters", "4");
    // 5. Remove the first n elements of WL.[[Waiters]].
    crate::step!("sec-removewaiters", "5");
    let l: Vec<WaiterRecord> = waiters.drain(..n).collect();
    // 6. Return L.
    crate::step!("sec-removewaiters", "6");
    l
}

/// NotifyWaiter ( WL, waiterRecord ) (25.4.3.12).
fn notify_waiter(agent: &mut Agent, waiter_record: &WaiterRecord, cs: &mut CriticalSection) {
    // 1. Assert: The surrounding agent is in the critical section for WL.
    crate::spec_assert!("sec-notifywaiter", "1", by: "cs is the guard of the WaiterLists' lock");
    // 2. If waiterRecord.[[PromiseCapability]] is blocking, then
    crate::step!("sec-notifywaiter", "2");
    match waiter_record.promise_capability {
        None => {
            // a. Wake the agent whose signifier is waiterRecord.[[AgentSignifier]] from
            //    suspension.
            // (The record has left the list; the sleeper sees that once woken.)
            crate::step!("sec-notifywaiter", "2.a");
            WAKE.notify_all();
            // b. NOTE: This causes the agent to resume execution in SuspendThisAgent.
            crate::step!("sec-notifywaiter", "2.b");
        }
        Some(id) => {
            // 3. Else if AgentSignifier() is waiterRecord.[[AgentSignifier]], then
            crate::step!("sec-notifywaiter", "3");
            if waiter_record.agent_signifier == crate::spec::agents::agent_signifier(agent) {
                // a. Let promiseCapability be waiterRecord.[[PromiseCapability]].
                crate::step!("sec-notifywaiter", "3.a");
                let promise_capability = agent.async_waiters.remove(&id);
                // b. Perform ! Call(promiseCapability.[[Resolve]], undefined, «
                //    waiterRecord.[[Result]] »).
                crate::step!("sec-notifywaiter", "3.b");
                if let Some(capability) = promise_capability {
                    let result = Value::string(waiter_record.result.as_str());
                    let _ = call(agent, &capability.resolve, &Value::Undefined, &[result]);
                }
            } else {
                // 4. Else,
                crate::step!("sec-notifywaiter", "4");
                // a. Perform EnqueueResolveInAgentJob(waiterRecord.[[AgentSignifier]],
                //    waiterRecord.[[PromiseCapability]], waiterRecord.[[Result]]).
                crate::step!("sec-notifywaiter", "4.a");
                enqueue_resolve_in_agent_job(
                    cs,
                    waiter_record.agent_signifier,
                    id,
                    waiter_record.result,
                );
            }
        }
    }
    // 5. Return unused.
    crate::step!("sec-notifywaiter", "5");
}

/// EnqueueResolveInAgentJob ( agentSignifier, promiseCapability, resolution ) (25.4.3.13):
/// posts the resolution to the agent's mailbox; [`resolve_posted_waiters`], which its job
/// loop runs, performs the job's steps there.
fn enqueue_resolve_in_agent_job(
    cs: &mut CriticalSection,
    agent_signifier: u64,
    promise_capability: u64,
    resolution: WaitResult,
) {
    cs.mailboxes
        .entry(agent_signifier)
        .or_default()
        .push((promise_capability, resolution));
    WAKE.notify_all();
}

/// The jobs other agents enqueued for this one with EnqueueResolveInAgentJob: each is
/// queued (HostEnqueueGenericJob, in the realm of the capability's resolve function).
/// Returns whether there were any.
pub fn resolve_posted_waiters(agent: &mut Agent) -> bool {
    let posted = {
        let mut cs = enter_critical_section();
        cs.mailboxes.remove(&agent.signifier).unwrap_or_default()
    };
    let any = !posted.is_empty();
    for (id, resolution) in posted {
        let Some(capability) = agent.async_waiters.remove(&id) else {
            continue;
        };
        // 1. Let resolveJob be a new Job Abstract Closure with no parameters that captures
        //    agentSignifier, promiseCapability, and resolution and performs the following
        //    steps when called:
        //    a. Assert: AgentSignifier() is agentSignifier.
        //    b. Perform ! Call(promiseCapability.[[Resolve]], undefined, « resolution »).
        //    c. Return unused.
        let resolve = capability.resolve.clone();
        let job = Box::new(move |agent: &mut Agent| {
            let resolution = Value::string(resolution.as_str());
            call(agent, &resolve, &Value::Undefined, &[resolution])?;
            Ok(Value::Undefined)
        });
        // 2. Let realmInTargetAgent be ! GetFunctionRealm(promiseCapability.[[Resolve]]).
        // 3. Assert: agentSignifier is realmInTargetAgent.[[AgentSignifier]].
        let realm = match &capability.resolve {
            Value::Object(f) => {
                crate::spec::operations_on_objects::get_function_realm(agent, f).ok()
            }
            _ => None,
        };
        // 4. Perform HostEnqueueGenericJob(resolveJob, realmInTargetAgent).
        host_enqueue_generic_job(agent, job, realm);
        // 5. Return unused.
    }
    any
}

/// Whether this agent has `Atomics.waitAsync` promises that only another agent can settle
/// (none of them has a timeout job).
pub fn has_async_waiters(agent: &Agent) -> bool {
    !agent.async_waiters.is_empty()
}

/// Whether the mailbox of the agent `signifier` has resolutions, waiting up to `limit` for
/// one (EnqueueResolveInAgentJob wakes the waiters).
pub fn wait_for_posted_waiters(signifier: u64, limit: Option<Instant>) -> bool {
    let mut cs = enter_critical_section();
    loop {
        if cs.mailboxes.get(&signifier).is_some_and(|m| !m.is_empty()) {
            return true;
        }
        let now = Instant::now();
        match limit {
            Some(limit) if now >= limit => return false,
            Some(limit) => {
                cs = WAKE
                    .wait_timeout(cs, limit - now)
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .0;
            }
            None => {
                cs = WAKE
                    .wait(cs)
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
            }
        }
    }
}

/// The current time value (UTC), in milliseconds.
fn now_time_value() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

/// DoWait's mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WaitMode {
    Sync,
    Async,
}

/// DoWait ( mode, typedArray, index, value, timeout ) (25.4.3.14). `host_timers` is false
/// for the `Atomics.waitAsync` of compartments made after lockdown (SES, %SharedAtomics%):
/// a wait that would enqueue a timeout job (step 30.a) throws a TypeError instead, before
/// its waiter is added — a timeout job runs after real time, a clock, and a compartment has
/// no host timers (docs/spec-issues.md, "Globals compartments get after lockdown").
pub fn do_wait(
    agent: &mut Agent,
    mode: WaitMode,
    typed_array: &Value,
    index: &Value,
    value: &Value,
    timeout: &Value,
    host_timers: bool,
) -> JsResult<Value> {
    let method = match mode {
        WaitMode::Sync => "Atomics.wait",
        WaitMode::Async => "Atomics.waitAsync",
    };
    // 1. Let taRecord be ? ValidateIntegerTypedArray(typedArray, true).
    let ta_record: TypedArrayWithBufferWitness =
        validate_integer_typed_array(agent, typed_array, true, method)?;
    // 2. Let buffer be taRecord.[[Object]].[[ViewedArrayBuffer]].
    let buffer: Object = ta_record.slots.viewed_array_buffer.clone();
    // 3. If IsSharedArrayBuffer(buffer) is false, throw a TypeError exception.
    let Some(block) = shared_block(&buffer) else {
        return Err(agent.type_error(&format!(
            "{method}: the TypedArray does not view a SharedArrayBuffer"
        )));
    };
    // 4. Let i be ? ValidateAtomicAccess(taRecord, index).
    let i = validate_atomic_access(agent, &ta_record, index, method)?;
    // 5. Let arrayTypeName be typedArray.[[TypedArrayName]].
    let element_type = ta_record.slots.element_type();
    // 6. If arrayTypeName is "BigInt64Array", let v be ? ToBigInt64(value).
    // 7. Else, let v be ? ToInt32(value).
    let v = if element_type.is_bigint() {
        to_big_int64(agent, value)?
    } else {
        i64::from(to_int32(agent, value)?)
    };
    // 8. Let q be ? ToNumber(timeout).
    let q = to_number(agent, timeout)?;
    // 9. If q is either NaN or +∞𝔽, let t be +∞; else if q is -∞𝔽, let t be 0; else let t
    //    be max(ℝ(q), 0).
    let t = if q.is_nan() || q == f64::INFINITY {
        f64::INFINITY
    } else {
        q.max(0.0)
    };
    // 10. If mode is sync and AgentCanSuspend() is false, throw a TypeError exception.
    if mode == WaitMode::Sync && !crate::spec::agents::agent_can_suspend(agent) {
        return Err(agent.type_error("Atomics.wait: this agent cannot suspend"));
    }
    // 11. Let block be buffer.[[ArrayBufferData]].
    // 12. Let offset be typedArray.[[ByteOffset]].
    // 13. Let byteIndexInBuffer be (i × 4) + offset.
    //     SPEC ISSUE (docs/spec-issues.md): ValidateAtomicAccess already returned the
    //     element's byte index, (accessIndex × elementSize) + offset, which is what
    //     Atomics.notify uses; scaling it again would look in another WaiterList.
    let byte_index_in_buffer = i;
    // 14. Let WL be GetWaiterList(block, byteIndexInBuffer).
    let wl = get_waiter_list(&block, byte_index_in_buffer);
    // 15. If mode is sync, then
    //     a. Let promiseCapability be blocking.
    //     b. Let resultObject be undefined.
    // 16. Else,
    //     a. Let promiseCapability be ! NewPromiseCapability(%Promise%).
    //     b. Let resultObject be OrdinaryObjectCreate(%Object.prototype%).
    let (promise_capability, result_object) = match mode {
        WaitMode::Sync => (None, None),
        WaitMode::Async => {
            let promise = Value::Object(agent.intrinsic(Intrinsic::Promise));
            let capability = new_promise_capability(agent, &promise)?;
            let proto = agent.intrinsic(Intrinsic::ObjectPrototype);
            (Some(capability), Some(ordinary_object_create(Some(proto))))
        }
    };
    // 17. Perform EnterCriticalSection(WL).
    let mut cs = enter_critical_section();
    // 18. Let elementType be TypedArrayElementType(typedArray).
    // 19. Let w be GetValueFromBuffer(buffer, byteIndexInBuffer, elementType, true,
    //     seq-cst).
    let w = match get_value_from_buffer(
        agent,
        &buffer,
        byte_index_in_buffer,
        element_type,
        true,
        Order::SeqCst,
        None,
    ) {
        Numeric::Number(n) => n as i64,
        Numeric::BigInt(b) => crate::spec::type_conversion::big_int_to_int64(&b),
    };
    // 20. If v ≠ w, then
    if v != w {
        // a. Perform LeaveCriticalSection(WL).
        leave_critical_section(cs, wl);
        // b. If mode is sync, return "not-equal".
        // c. Perform ! CreateDataPropertyOrThrow(resultObject, "async", false).
        // d. Perform ! CreateDataPropertyOrThrow(resultObject, "value", "not-equal").
        // e. Return resultObject.
        return immediate_result(agent, result_object, "not-equal");
    }
    // 21. If t = 0 and mode is async, then
    if t == 0.0 && mode == WaitMode::Async {
        // a. NOTE: There is no special handling of synchronous immediate timeouts.
        //    Asynchronous immediate timeouts have special handling in order to fail fast
        //    and avoid unnecessary Promise jobs.
        // b. Perform LeaveCriticalSection(WL).
        leave_critical_section(cs, wl);
        // c. Perform ! CreateDataPropertyOrThrow(resultObject, "async", false).
        // d. Perform ! CreateDataPropertyOrThrow(resultObject, "value", "timed-out").
        // e. Return resultObject.
        return immediate_result(agent, result_object, "timed-out");
    }
    // (SES) A compartment made after lockdown has no host timers: a wait that step 30.a
    // would give a timeout job is a TypeError.
    if !host_timers && mode == WaitMode::Async && t.is_finite() {
        leave_critical_section(cs, wl);
        return Err(agent.type_error(
            "Atomics.waitAsync with a finite timeout is disabled in a compartment after \
             lockdown(): its timeout would be a host timer (a clock); wait without a timeout",
        ));
    }
    // 22. Let thisAgent be AgentSignifier().
    let this_agent = crate::spec::agents::agent_signifier(agent);
    // 23. Let now be the time value (UTC) identifying the current time.
    let now = now_time_value();
    let started = Instant::now();
    // 24. Let additionalTimeout be an implementation-defined non-negative mathematical
    //     value. (0.)
    // 25. Let timeoutTime be ℝ(now) + t + additionalTimeout.
    // 26. NOTE: When t is +∞, timeoutTime is also +∞.
    let timeout_time = now + t;
    // 27. Let waiterRecord be a new Waiter Record { [[AgentSignifier]]: thisAgent,
    //     [[PromiseCapability]]: promiseCapability, [[TimeoutTime]]: timeoutTime,
    //     [[Result]]: "ok" }.
    cs.next_id += 1;
    let id = cs.next_id;
    let waiter_record = WaiterRecord {
        id,
        agent_signifier: this_agent,
        promise_capability: promise_capability.as_ref().map(|_| id),
        timeout_time,
        result: WaitResult::Ok,
    };
    // 28. Perform AddWaiter(WL, waiterRecord).
    add_waiter(&mut cs, wl, waiter_record);
    let Some(capability) = promise_capability else {
        // 29. If mode is sync, then
        //     a. Perform SuspendThisAgent(WL, waiterRecord).
        let until = t
            .is_finite()
            .then(|| started + Duration::from_secs_f64((t / 1000.0).min(1e9)));
        let (mut cs, suspended) = suspend_this_agent(agent, cs, wl, id, until);
        // SPEC ISSUE (docs/spec-issues.md): on a timeout the record is still listed; it is
        // removed and its [[Result]] is "timed-out", as ECMA-262 2023's DoWait did.
        let result = match remove_waiter(&mut cs, wl, id) {
            Some(_) => WaitResult::TimedOut,
            None => WaitResult::Ok,
        };
        // 31. Perform LeaveCriticalSection(WL).
        leave_critical_section(cs, wl);
        // (The host's time limit ended the wait: its RangeError.)
        suspended?;
        // 32. If mode is sync, return waiterRecord.[[Result]].
        return Ok(Value::string(result.as_str()));
    };
    // 30. Else if timeoutTime is finite, then
    if t.is_finite() {
        //     a. Perform EnqueueAtomicsWaitAsyncTimeoutJob(WL, waiterRecord).
        enqueue_atomics_wait_async_timeout_job(agent, wl, id, t);
    }
    agent.async_waiters.insert(id, capability.clone());
    // 31. Perform LeaveCriticalSection(WL).
    leave_critical_section(cs, wl);
    let result_object = result_object.unwrap_or_else(|| agent.ordinary_object());
    // 33. Perform ! CreateDataPropertyOrThrow(resultObject, "async", true).
    create_data_property_or_throw(agent, &result_object, &"async".into(), Value::Boolean(true))?;
    // 34. Perform ! CreateDataPropertyOrThrow(resultObject, "value",
    //     promiseCapability.[[Promise]]).
    create_data_property_or_throw(
        agent,
        &result_object,
        &"value".into(),
        Value::Object(capability.promise),
    )?;
    // 35. Return resultObject.
    Ok(Value::Object(result_object))
}

/// DoWait's early results: the String for `Atomics.wait`; for `Atomics.waitAsync` the
/// result object { async: false, value }.
fn immediate_result(
    agent: &mut Agent,
    result_object: Option<Object>,
    value: &str,
) -> JsResult<Value> {
    let Some(result_object) = result_object else {
        return Ok(Value::string(value));
    };
    create_data_property_or_throw(
        agent,
        &result_object,
        &"async".into(),
        Value::Boolean(false),
    )?;
    create_data_property_or_throw(agent, &result_object, &"value".into(), Value::string(value))?;
    Ok(Value::Object(result_object))
}

/// SuspendThisAgent ( WL, waiterRecord ) (25.4.3.11): sleeps until the waiter is notified
/// (no longer listed) or `until` passes, within the host's time limit (an error when that
/// ends the wait). Returns the critical section, entered again.
fn suspend_this_agent(
    agent: &mut Agent,
    cs: CriticalSection,
    wl: WaiterListKey,
    id: u64,
    until: Option<Instant>,
) -> (CriticalSection, JsResult<()>) {
    // 1. Assert: The surrounding agent is in the critical section for WL.
    crate::spec_assert!("sec-suspendthisagent", "1", by: "cs is the guard of the WaiterLists' lock");
    // 2. Assert: WL.[[Waiters]] contains waiterRecord.
    crate::spec_assert!("sec-suspendthisagent", "2", contains_waiter(&cs, wl, id));
    // 3. Let thisAgent be AgentSignifier().
    crate::step!("sec-suspendthisagent", "3");
    // 4. Assert: waiterRecord.[[AgentSignifier]] is thisAgent.
    crate::spec_assert!(
        "sec-suspendthisagent",
        "4",
        by: "DoWait made the record with AgentSignifier() just before"
    );
    // 5. Assert: waiterRecord.[[PromiseCapability]] is blocking.
    crate::spec_assert!(
        "sec-suspendthisagent",
        "5",
        by: "only DoWait's synchronous mode suspends"
    );
    // 6. Assert: AgentCanSuspend() is true.
    crate::spec_assert!(
        "sec-suspendthisagent",
        "6",
        crate::spec::agents::agent_can_suspend(agent)
    );
    // 7. Perform LeaveCriticalSection(WL) and suspend the surrounding agent until the time
    //    is waiterRecord.[[TimeoutTime]], performing the combined operation in such a way
    //    that a notification that arrives after the critical section is exited but before
    //    the suspension takes effect is not lost. The surrounding agent can only wake from
    //    suspension due to a timeout or due to another agent calling NotifyWaiter with
    //    arguments WL and thisAgent (i.e. via a call to Atomics.notify).
    crate::step!("sec-suspendthisagent", "7");
    let mut held = Some(cs);
    let result = agent.block_until(until, |limit| {
        let Some(cs) = held.take() else {
            return true;
        };
        let cs = match limit {
            Some(limit) => {
                let duration = limit.saturating_duration_since(Instant::now());
                WAKE.wait_timeout(cs, duration)
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .0
            }
            None => WAKE
                .wait(cs)
                .unwrap_or_else(|poisoned| poisoned.into_inner()),
        };
        let notified = !contains_waiter(&cs, wl, id);
        held = Some(cs);
        notified
    });
    // 8. Perform EnterCriticalSection(WL).
    crate::step!("sec-suspendthisagent", "8");
    let cs = held.unwrap_or_else(enter_critical_section);
    // 9. Return unused.
    crate::step!("sec-suspendthisagent", "9");
    (cs, result)
}

/// EnqueueAtomicsWaitAsyncTimeoutJob ( WL, waiterRecord ) (25.4.3.15), for a waiter whose
/// timeout is `t` milliseconds from now.
fn enqueue_atomics_wait_async_timeout_job(agent: &mut Agent, wl: WaiterListKey, id: u64, t: f64) {
    // 1. Let timeoutJob be a new Job Abstract Closure with no parameters that captures WL
    //    and waiterRecord and performs the following steps when called:
    let timeout_job = Box::new(move |agent: &mut Agent| {
        // a. Perform EnterCriticalSection(WL).
        let mut cs = enter_critical_section();
        // b. If WL.[[Waiters]] contains waiterRecord, then
        //    i. Let timeOfJobExecution be the time value (UTC) identifying the current
        //       time.
        //    ii. Assert: ℝ(timeOfJobExecution) ≥ waiterRecord.[[TimeoutTime]] (ignoring
        //        potential non-monotonicity of time values).
        //    iii. Set waiterRecord.[[Result]] to "timed-out".
        //    iv. Perform RemoveWaiter(WL, waiterRecord).
        if let Some(mut waiter_record) = remove_waiter(&mut cs, wl, id) {
            waiter_record.result = WaitResult::TimedOut;
            //    v. Perform NotifyWaiter(WL, waiterRecord).
            notify_waiter(agent, &waiter_record, &mut cs);
        }
        // c. Perform LeaveCriticalSection(WL).
        leave_critical_section(cs, wl);
        // d. Return unused.
        Ok(Value::Undefined)
    });
    // 2. Let now be the time value (UTC) identifying the current time.
    // 3. Let currentRealm be the current Realm Record.
    let current_realm = agent.current_realm();
    // 4. Perform HostEnqueueTimeoutJob(timeoutJob, currentRealm,
    //    𝔽(waiterRecord.[[TimeoutTime]]) - now).
    host_enqueue_timeout_job(agent, timeout_job, Some(current_realm), t);
    // 5. Return unused.
}

/// Atomics.notify ( typedArray, index, count ) (25.4.10).
pub fn notify(
    agent: &mut Agent,
    typed_array: &Value,
    index: &Value,
    count: &Value,
) -> JsResult<Value> {
    let method = "Atomics.notify";
    // 1. Let taRecord be ? ValidateIntegerTypedArray(typedArray, true).
    let ta_record = validate_integer_typed_array(agent, typed_array, true, method)?;
    // 2. Let byteIndexInBuffer be ? ValidateAtomicAccess(taRecord, index).
    let byte_index_in_buffer = validate_atomic_access(agent, &ta_record, index, method)?;
    // 3. If count is undefined, then
    //    a. Let c be +∞.
    // 4. Else,
    //    a. Let intCount be ? ToIntegerOrInfinity(count).
    //    b. Let c be max(intCount, 0).
    let c = if count.is_undefined() {
        None
    } else {
        let int_count = crate::spec::type_conversion::to_integer_or_infinity(agent, count)?;
        (int_count != f64::INFINITY).then(|| int_count.max(0.0) as u64)
    };
    // 5. Let buffer be typedArray.[[ViewedArrayBuffer]].
    // 6. Let block be buffer.[[ArrayBufferData]].
    // 7. If IsSharedArrayBuffer(buffer) is false, return +0𝔽.
    let Some(block) = shared_block(&ta_record.slots.viewed_array_buffer) else {
        return Ok(Value::Number(0.0));
    };
    // 8. Let WL be GetWaiterList(block, byteIndexInBuffer).
    let wl = get_waiter_list(&block, byte_index_in_buffer);
    // 9. Perform EnterCriticalSection(WL).
    let mut cs = enter_critical_section();
    // 10. Let S be RemoveWaiters(WL, c).
    let s = remove_waiters(&mut cs, wl, c);
    // 11. For each element W of S, do
    for w in &s {
        // a. Perform NotifyWaiter(WL, W).
        notify_waiter(agent, w, &mut cs);
    }
    // 12. Perform LeaveCriticalSection(WL).
    leave_critical_section(cs, wl);
    // 13. Let n be the number of elements in S.
    // 14. Return 𝔽(n).
    Ok(Value::Number(s.len() as f64))
}
