//! 27.2 Promise Objects (sec-promise-objects): Promise Abstract Operations (27.2.1),
//! Promise Jobs (27.2.2), PromiseResolve (27.2.4.7.1) and PerformPromiseThen
//! (27.2.5.4.1). The constructor and prototype are in builtins/promise.rs.
//!
//! Built-in functions created here (resolve and reject functions, the executor of
//! NewPromiseCapability) are Abstract Closures whose captures record holds their internal
//! slots ([`ResolvingFunctionSlots`]); a Record that two closures share and update
//! (alreadyResolved, the resolvingFunctions record of NewPromiseCapability) is a
//! [`SharedRecord`] in both, traced by the collector. Jobs are Rust closures holding their
//! captures as handles, which keeps them alive while queued.

use super::agents::{Agent, RejectionOperation};
use super::builtin_function_objects::{
    builtin_closure, new_shared_record, BuiltinCall, SharedRecord,
};
use super::completion_record::JsResult;
use super::jobs::{
    host_call_job_callback, host_enqueue_promise_job, host_make_job_callback, JobCallback,
    JobClosure,
};
use super::object_kinds::ObjectKind;
use super::object_type::Object;
use super::operations_on_objects::{call, construct, get, get_function_realm};
use super::ordinary_object_internal_methods::ordinary_object_create_with;
use super::realms::{Intrinsic, Realm};
use super::testing_and_comparison::{is_callable, is_constructor, same_value};
use super::value::Value;
use crate::{spec_assert, step};
use boa_gc::{Finalize, Trace};

/// [[PromiseState]].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub enum PromiseState {
    Pending,
    Fulfilled,
    Rejected,
}

/// The internal slots of a Promise instance (Table 91).
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct PromiseData {
    pub state: PromiseState,
    /// [[PromiseResult]] (undefined while pending).
    pub result: Value,
    /// [[PromiseFulfillReactions]] (emptied when the promise settles).
    pub fulfill_reactions: Vec<PromiseReaction>,
    /// [[PromiseRejectReactions]].
    pub reject_reactions: Vec<PromiseReaction>,
    /// [[PromiseIsHandled]].
    pub is_handled: bool,
}

impl PromiseData {
    /// The slots of a new pending promise: the Promise constructor's steps 4-8
    /// ([[PromiseState]] pending, empty reaction Lists, [[PromiseIsHandled]] false).
    pub fn new_pending() -> PromiseData {
        PromiseData {
            state: PromiseState::Pending,
            result: Value::Undefined,
            fulfill_reactions: Vec::new(),
            reject_reactions: Vec::new(),
            is_handled: false,
        }
    }
}

/// A PromiseCapability Record (27.2.1.1).
#[derive(Clone, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct PromiseCapability {
    /// [[Promise]].
    pub promise: Object,
    /// [[Resolve]].
    pub resolve: Value,
    /// [[Reject]].
    pub reject: Value,
}

/// [[Capability]] of a PromiseReaction Record that is not undefined.
#[derive(Clone, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub enum ReactionCapability {
    /// A PromiseCapability Record (boxed, memory only: a reaction takes 80 bytes, not
    /// 112, and most reactions are Promise.prototype.then's deferred ones).
    Record(Box<PromiseCapability>),
    /// Memory only (docs/ARCHITECTURE.md, "Memory only"): the PromiseCapability Record
    /// that NewPromiseCapability(%Promise%) gives Promise.prototype.then, whose resolving
    /// functions nothing but this reaction's job can reach, kept as its [[Promise]] and the
    /// realm CreateResolvingFunctions would give them; the job performs their steps when
    /// it would call one (`call_resolving_function`).
    Deferred { promise: Object, realm: Realm },
}

impl ReactionCapability {
    /// [[Promise]].
    pub fn promise(&self) -> &Object {
        match self {
            ReactionCapability::Record(capability) => &capability.promise,
            ReactionCapability::Deferred { promise, .. } => promise,
        }
    }

    /// Call(capability.[[Resolve]] or capability.[[Reject]], undefined, « argument »). For
    /// a deferred record the function would be a built-in function of `realm` called
    /// for the first time (its alreadyResolved still false, as no other code can reach
    /// it): BuiltinCallOrConstruct (10.3.3) runs its steps, 27.2.1.3.1 or 27.2.1.3.2, in
    /// a new execution context of that realm.
    fn call_resolving_function(
        &self,
        agent: &mut Agent,
        kind: PromiseReactionType,
        argument: Value,
    ) -> JsResult<Value> {
        let (promise, realm) = match self {
            ReactionCapability::Record(capability) => {
                let function = match kind {
                    PromiseReactionType::Fulfill => &capability.resolve,
                    PromiseReactionType::Reject => &capability.reject,
                };
                return call(agent, function, &Value::Undefined, &[argument]);
            }
            ReactionCapability::Deferred { promise, realm } => (promise, realm),
        };
        agent.check_stack()?;
        let evaluators = super::builtin_function_objects::inherited_evaluators(agent, realm);
        let mut callee_context =
            super::execution_contexts::ExecutionContext::without_code(None, evaluators);
        callee_context.realm = realm.clone();
        agent.execution_context_stack.push(callee_context);
        let slots = ResolvingFunctionSlots {
            promise: promise.clone(),
            already_resolved: new_shared_record(false),
        };
        let result = match kind {
            PromiseReactionType::Fulfill => promise_resolve_function_steps(agent, &slots, argument),
            PromiseReactionType::Reject => promise_reject_function_steps(agent, &slots, argument),
        };
        agent.execution_context_stack.pop();
        result
    }
}

/// A new pending promise of the current realm (what `new %Promise%(executor)` makes
/// before calling the executor: OrdinaryCreateFromConstructor(%Promise%,
/// "%Promise.prototype%") with [[PromiseState]] pending, empty reaction lists and
/// [[PromiseIsHandled]] false).
pub fn new_pending_promise(agent: &mut Agent) -> Object {
    ordinary_object_create_with(
        Some(agent.intrinsic(Intrinsic::PromisePrototype)),
        ObjectKind::Promise(Box::new(PromiseData::new_pending())),
    )
}

/// [[Type]] of a PromiseReaction Record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub enum PromiseReactionType {
    Fulfill,
    Reject,
}

/// A PromiseReaction Record (27.2.1.2).
#[derive(Clone, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct PromiseReaction {
    /// [[Capability]] (undefined for Await's and the async iteration reactions).
    pub capability: Option<ReactionCapability>,
    pub kind: PromiseReactionType,
    /// [[Handler]]: a JobCallback Record, `None` is empty.
    pub handler: Option<JobCallback>,
}

/// IfAbruptRejectPromise ( value, capability ) (27.2.1.1.1), in a function returning
/// `JsResult<Value>`: evaluates to the normal completion's value, or calls
/// `capability.[[Reject]]` with the thrown value and returns `capability.[[Promise]]`.
macro_rules! if_abrupt_reject_promise {
    ($agent:expr, $value:expr, $capability:expr) => {
        match $value {
            // 3. Else, set value to ! value.
            Ok(value) => value,
            // 1. Assert: value is a Completion Record.
            // 2. If value is an abrupt completion, then
            Err(thrown) => {
                let capability: &$crate::spec::promise_objects::PromiseCapability = &$capability;
                // a. Perform ? Call(capability.[[Reject]], undefined, « value.[[Value]] »).
                $crate::spec::operations_on_objects::call(
                    $agent,
                    &capability.reject,
                    &$crate::spec::value::Value::Undefined,
                    &[thrown],
                )?;
                // b. Return capability.[[Promise]].
                return Ok($crate::spec::value::Value::Object(
                    capability.promise.clone(),
                ));
            }
        }
    };
}
pub(crate) use if_abrupt_reject_promise;

/// Call(capability.[[Resolve]], undefined, « value »).
pub fn promise_capability_call_resolve(
    agent: &mut Agent,
    capability: &PromiseCapability,
    value: Value,
) -> JsResult<()> {
    call(agent, &capability.resolve, &Value::Undefined, &[value]).map(|_| ())
}

/// Call(capability.[[Reject]], undefined, « reason »).
pub fn promise_capability_call_reject(
    agent: &mut Agent,
    capability: &PromiseCapability,
    reason: Value,
) -> JsResult<()> {
    call(agent, &capability.reject, &Value::Undefined, &[reason]).map(|_| ())
}

/// The internal slots of a promise resolve or reject function: [[Promise]] and
/// [[AlreadyResolved]] (the alreadyResolved Record the two functions share).
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct ResolvingFunctionSlots {
    promise: Object,
    already_resolved: SharedRecord<bool>,
}

/// CreateResolvingFunctions ( promise ) (27.2.1.3): `(resolve, reject)`.
#[crate::trace::checks_tracing_once]
pub fn create_resolving_functions(agent: &mut Agent, promise: &Object) -> (Object, Object) {
    // 1. Let alreadyResolved be the Record { [[Value]]: false }.
    step!("sec-createresolvingfunctions", "1");
    let already_resolved = new_shared_record(false);
    // 2. Let stepsResolve be the algorithm steps defined in Promise Resolve Functions.
    step!("sec-createresolvingfunctions", "2");
    // 3. Let lengthResolve be the number of non-optional parameters of the function
    //    definition in Promise Resolve Functions.
    step!("sec-createresolvingfunctions", "3");
    // 4. Let resolve be CreateBuiltinFunction(stepsResolve, lengthResolve, "",
    //    « [[Promise]], [[AlreadyResolved]] »).
    // 5. Set resolve.[[Promise]] to promise.
    // 6. Set resolve.[[AlreadyResolved]] to alreadyResolved.
    // (The function is created with its slots set: one call does steps 4 to 6.)
    step!("sec-createresolvingfunctions", "4");
    step!("sec-createresolvingfunctions", "5");
    step!("sec-createresolvingfunctions", "6");
    let resolve = builtin_closure(
        agent,
        promise_resolve_function,
        1.0,
        ResolvingFunctionSlots {
            promise: promise.clone(),
            already_resolved: already_resolved.clone(),
        },
    );
    // 7. Let stepsReject be the algorithm steps defined in Promise Reject Functions.
    step!("sec-createresolvingfunctions", "7");
    // 8. Let lengthReject be the number of non-optional parameters of the function
    //    definition in Promise Reject Functions.
    step!("sec-createresolvingfunctions", "8");
    // 9. Let reject be CreateBuiltinFunction(stepsReject, lengthReject, "",
    //    « [[Promise]], [[AlreadyResolved]] »).
    // 10. Set reject.[[Promise]] to promise.
    // 11. Set reject.[[AlreadyResolved]] to alreadyResolved.
    // (As for resolve, one call does steps 9 to 11.)
    step!("sec-createresolvingfunctions", "9");
    step!("sec-createresolvingfunctions", "10");
    step!("sec-createresolvingfunctions", "11");
    let reject = builtin_closure(
        agent,
        promise_reject_function,
        1.0,
        ResolvingFunctionSlots {
            promise: promise.clone(),
            already_resolved,
        },
    );
    // 12. Return the Record { [[Resolve]]: resolve, [[Reject]]: reject }.
    step!("sec-createresolvingfunctions", "12");
    (resolve, reject)
}

/// Promise Reject Functions (27.2.1.3.1).
fn promise_reject_function(
    agent: &mut Agent,
    call: &BuiltinCall,
    f: &ResolvingFunctionSlots,
) -> JsResult<Value> {
    promise_reject_function_steps(agent, f, call.arg(0))
}

/// The steps of a promise reject function with slots `f`, called with `reason`.
fn promise_reject_function_steps(
    agent: &mut Agent,
    f: &ResolvingFunctionSlots,
    reason: Value,
) -> JsResult<Value> {
    // 1. Let F be the active function object.
    // 2. Assert: F has a [[Promise]] internal slot whose value is an Object.
    // 3. Let promise be F.[[Promise]].
    let promise = &f.promise;
    // 4. Let alreadyResolved be F.[[AlreadyResolved]].
    // 5. If alreadyResolved.[[Value]] is true, return undefined.
    if *f.already_resolved.borrow() {
        return Ok(Value::Undefined);
    }
    // 6. Set alreadyResolved.[[Value]] to true.
    *f.already_resolved.borrow_mut() = true;
    // 7. Perform RejectPromise(promise, reason).
    reject_promise(agent, promise, reason);
    // 8. Return undefined.
    Ok(Value::Undefined)
}

/// Promise Resolve Functions (27.2.1.3.2).
fn promise_resolve_function(
    agent: &mut Agent,
    call: &BuiltinCall,
    f: &ResolvingFunctionSlots,
) -> JsResult<Value> {
    promise_resolve_function_steps(agent, f, call.arg(0))
}

/// The steps of a promise resolve function with slots `f`, called with `resolution`.
fn promise_resolve_function_steps(
    agent: &mut Agent,
    f: &ResolvingFunctionSlots,
    resolution: Value,
) -> JsResult<Value> {
    // 1. Let F be the active function object.
    // 2. Assert: F has a [[Promise]] internal slot whose value is an Object.
    // 3. Let promise be F.[[Promise]].
    let promise = f.promise.clone();
    // 4. Let alreadyResolved be F.[[AlreadyResolved]].
    // 5. If alreadyResolved.[[Value]] is true, return undefined.
    if *f.already_resolved.borrow() {
        return Ok(Value::Undefined);
    }
    // 6. Set alreadyResolved.[[Value]] to true.
    *f.already_resolved.borrow_mut() = true;
    // 7. If SameValue(resolution, promise) is true, then
    if same_value(&resolution, &Value::Object(promise.clone())) {
        // a. Let selfResolutionError be a newly created TypeError object.
        let self_resolution_error = agent.type_error("a promise cannot be resolved with itself");
        // b. Perform RejectPromise(promise, selfResolutionError).
        reject_promise(agent, &promise, self_resolution_error);
        // c. Return undefined.
        return Ok(Value::Undefined);
    }
    // 8. If resolution is not an Object, then
    let Value::Object(resolution_object) = &resolution else {
        // a. Perform FulfillPromise(promise, resolution).
        fulfill_promise(agent, &promise, resolution);
        // b. Return undefined.
        return Ok(Value::Undefined);
    };
    // 9. Let then be Completion(Get(resolution, "then")).
    let then = get(agent, resolution_object, &"then".into());
    let then_action = match then {
        // 10. If then is an abrupt completion, then
        Err(thrown) => {
            // a. Perform RejectPromise(promise, then.[[Value]]).
            reject_promise(agent, &promise, thrown);
            // b. Return undefined.
            return Ok(Value::Undefined);
        }
        // 11. Let thenAction be then.[[Value]].
        Ok(then_action) => then_action,
    };
    // 12. If IsCallable(thenAction) is false, then
    if !is_callable(&then_action) {
        // a. Perform FulfillPromise(promise, resolution).
        fulfill_promise(agent, &promise, resolution);
        // b. Return undefined.
        return Ok(Value::Undefined);
    }
    // 13. Let thenJobCallback be HostMakeJobCallback(thenAction).
    let then_job_callback = host_make_job_callback(agent, then_action);
    // 14. Let job be NewPromiseResolveThenableJob(promise, resolution, thenJobCallback).
    let (job, realm) =
        new_promise_resolve_thenable_job(agent, promise, resolution, then_job_callback);
    // 15. Perform HostEnqueuePromiseJob(job.[[Job]], job.[[Realm]]).
    host_enqueue_promise_job(agent, job, realm);
    // 16. Return undefined.
    Ok(Value::Undefined)
}

/// FulfillPromise ( promise, value ) (27.2.1.4).
#[crate::trace::checks_tracing_once]
pub fn fulfill_promise(agent: &mut Agent, promise: &Object, value: Value) {
    let reactions = {
        let mut data = promise.data_mut();
        let ObjectKind::Promise(p) = &mut data.kind else {
            return;
        };
        // 1. Assert: promise.[[PromiseState]] is pending.
        spec_assert!("sec-fulfillpromise", "1", p.state == PromiseState::Pending);
        // 2. Let reactions be promise.[[PromiseFulfillReactions]].
        // 4. Set promise.[[PromiseFulfillReactions]] to undefined.
        //    (Taking the list leaves it empty, which stands for undefined.)
        step!("sec-fulfillpromise", "2");
        let reactions = std::mem::take(&mut p.fulfill_reactions);
        // 3. Set promise.[[PromiseResult]] to value.
        step!("sec-fulfillpromise", "3");
        p.result = value.clone();
        if crate::trace::enabled() {
            step!("sec-fulfillpromise", "4");
            // 5. Set promise.[[PromiseRejectReactions]] to undefined.
            step!("sec-fulfillpromise", "5");
        }
        p.reject_reactions = Vec::new();
        // 6. Set promise.[[PromiseState]] to fulfilled.
        step!("sec-fulfillpromise", "6");
        p.state = PromiseState::Fulfilled;
        reactions
    };
    super::event_log::promise_settled(agent, promise, true, &value);
    // 7. Perform TriggerPromiseReactions(reactions, value).
    step!("sec-fulfillpromise", "7");
    trigger_promise_reactions(agent, reactions, value);
    // 8. Return unused.
    step!("sec-fulfillpromise", "8");
}

/// NewPromiseCapability ( C ) (27.2.1.5).
pub fn new_promise_capability(agent: &mut Agent, c: &Value) -> JsResult<PromiseCapability> {
    // 1. If IsConstructor(C) is false, throw a TypeError exception.
    step!("sec-newpromisecapability", "1");
    let c = match c {
        Value::Object(o) if is_constructor(c) => o.clone(),
        _ => {
            return Err(
                agent.type_error("the promise capability's constructor is not a constructor")
            )
        }
    };
    // Unobservable shortcut (docs/ARCHITECTURE.md): for the current realm's %Promise% the
    // steps below amount to a new pending promise with its resolving functions — the
    // executor is never visible and %Promise%.prototype cannot be changed. Taking it
    // directly keeps the spec's `! NewPromiseCapability(%Promise%)` infallible even where
    // Construct would hit the host's stack or time limit. (--trace shows step 1 only.)
    if c == agent.intrinsic(Intrinsic::Promise) {
        let promise = new_pending_promise(agent);
        let (resolve, reject) = create_resolving_functions(agent, &promise);
        return Ok(PromiseCapability {
            promise,
            resolve: Value::Object(resolve),
            reject: Value::Object(reject),
        });
    }
    // 2. NOTE: C is assumed to be a constructor function that supports the parameter
    //    conventions of the Promise constructor (see 27.2.3.1).
    step!("sec-newpromisecapability", "2");
    // 3. Let resolvingFunctions be the Record { [[Resolve]]: undefined, [[Reject]]:
    //    undefined }.
    step!("sec-newpromisecapability", "3");
    let resolving_functions = new_shared_record(ResolvingFunctionsRecord {
        resolve: Value::Undefined,
        reject: Value::Undefined,
    });
    // 4. Let executorClosure be a new Abstract Closure with parameters (resolve, reject)
    //    that captures resolvingFunctions and performs the following steps when called:
    //    (get_capabilities_executor)
    step!("sec-newpromisecapability", "4");
    // 5. Let executor be CreateBuiltinFunction(executorClosure, 2, "", « »).
    step!("sec-newpromisecapability", "5");
    let executor = builtin_closure(
        agent,
        get_capabilities_executor,
        2.0,
        resolving_functions.clone(),
    );
    // 6. Let promise be ? Construct(C, « executor »).
    step!("sec-newpromisecapability", "6");
    let promise = construct(agent, &c, &[Value::Object(executor)], None)?;
    // 7. If IsCallable(resolvingFunctions.[[Resolve]]) is false, throw a TypeError
    //    exception.
    step!("sec-newpromisecapability", "7");
    let resolve = resolving_functions.borrow().resolve.clone();
    if !is_callable(&resolve) {
        return Err(agent.type_error("the promise capability's resolve is not callable"));
    }
    // 8. If IsCallable(resolvingFunctions.[[Reject]]) is false, throw a TypeError
    //    exception.
    step!("sec-newpromisecapability", "8");
    let reject = resolving_functions.borrow().reject.clone();
    if !is_callable(&reject) {
        return Err(agent.type_error("the promise capability's reject is not callable"));
    }
    // 9. Return the PromiseCapability Record { [[Promise]]: promise, [[Resolve]]:
    //    resolvingFunctions.[[Resolve]], [[Reject]]: resolvingFunctions.[[Reject]] }.
    step!("sec-newpromisecapability", "9");
    Ok(PromiseCapability {
        promise,
        resolve,
        reject,
    })
}

/// The resolvingFunctions Record of NewPromiseCapability (27.2.1.5 step 3).
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct ResolvingFunctionsRecord {
    resolve: Value,
    reject: Value,
}

/// The executorClosure of NewPromiseCapability (27.2.1.5 step 4), formerly
/// GetCapabilitiesExecutor Functions, capturing resolvingFunctions.
fn get_capabilities_executor(
    agent: &mut Agent,
    call: &BuiltinCall,
    resolving_functions: &SharedRecord<ResolvingFunctionsRecord>,
) -> JsResult<Value> {
    // a. If resolvingFunctions.[[Resolve]] is not undefined, throw a TypeError exception.
    step!("sec-newpromisecapability", "4.a");
    if !resolving_functions.borrow().resolve.is_undefined() {
        return Err(agent.type_error("the promise executor was already called with a resolve"));
    }
    // b. If resolvingFunctions.[[Reject]] is not undefined, throw a TypeError exception.
    step!("sec-newpromisecapability", "4.b");
    if !resolving_functions.borrow().reject.is_undefined() {
        return Err(agent.type_error("the promise executor was already called with a reject"));
    }
    let mut record = resolving_functions.borrow_mut();
    // c. Set resolvingFunctions.[[Resolve]] to resolve.
    step!("sec-newpromisecapability", "4.c");
    record.resolve = call.arg(0);
    // d. Set resolvingFunctions.[[Reject]] to reject.
    step!("sec-newpromisecapability", "4.d");
    record.reject = call.arg(1);
    // e. Return NormalCompletion(undefined).
    step!("sec-newpromisecapability", "4.e");
    Ok(Value::Undefined)
}

/// IsPromise ( x ) (27.2.1.6).
#[crate::trace::checks_tracing_once]
#[inline]
pub fn is_promise(x: &Value) -> bool {
    // 1. If x is not an Object, return false.
    step!("sec-ispromise", "1");
    let Value::Object(o) = x else {
        return false;
    };
    // 2. If x does not have a [[PromiseState]] internal slot, return false.
    step!("sec-ispromise", "2");
    if !matches!(o.data().kind, ObjectKind::Promise(_)) {
        return false;
    }
    // 3. Return true.
    step!("sec-ispromise", "3");
    true
}

/// promise.[[PromiseIsHandled]] (false for a non-promise).
pub fn promise_is_handled(promise: &Object) -> bool {
    matches!(&promise.data().kind, ObjectKind::Promise(p) if p.is_handled)
}

/// RejectPromise ( promise, reason ) (27.2.1.7).
pub fn reject_promise(agent: &mut Agent, promise: &Object, reason: Value) {
    let (reactions, is_handled) = {
        let mut data = promise.data_mut();
        let ObjectKind::Promise(p) = &mut data.kind else {
            return;
        };
        // 1. Assert: promise.[[PromiseState]] is pending.
        spec_assert!("sec-rejectpromise", "1", p.state == PromiseState::Pending);
        // 2. Let reactions be promise.[[PromiseRejectReactions]].
        // 5. Set promise.[[PromiseRejectReactions]] to undefined.
        //    (Taking the list leaves it empty, which stands for undefined.)
        step!("sec-rejectpromise", "2");
        let reactions = std::mem::take(&mut p.reject_reactions);
        // 3. Set promise.[[PromiseResult]] to reason.
        step!("sec-rejectpromise", "3");
        p.result = reason.clone();
        // 4. Set promise.[[PromiseFulfillReactions]] to undefined.
        step!("sec-rejectpromise", "4");
        p.fulfill_reactions = Vec::new();
        step!("sec-rejectpromise", "5");
        // 6. Set promise.[[PromiseState]] to rejected.
        step!("sec-rejectpromise", "6");
        p.state = PromiseState::Rejected;
        (reactions, p.is_handled)
    };
    super::event_log::promise_settled(agent, promise, false, &reason);
    // 7. If promise.[[PromiseIsHandled]] is false, perform
    //    HostPromiseRejectionTracker(promise, "reject").
    step!("sec-rejectpromise", "7");
    if !is_handled {
        host_promise_rejection_tracker(agent, promise, RejectionOperation::Reject);
    }
    // 8. Perform TriggerPromiseReactions(reactions, reason).
    step!("sec-rejectpromise", "8");
    trigger_promise_reactions(agent, reactions, reason);
    // 9. Return unused.
    step!("sec-rejectpromise", "9");
}

/// TriggerPromiseReactions ( reactions, argument ) (27.2.1.8).
#[crate::trace::checks_tracing_once]
pub fn trigger_promise_reactions(
    agent: &mut Agent,
    reactions: Vec<PromiseReaction>,
    argument: Value,
) {
    // 1. For each element reaction of reactions, do
    step!("sec-triggerpromisereactions", "1");
    for reaction in reactions {
        // a. Let job be NewPromiseReactionJob(reaction, argument).
        step!("sec-triggerpromisereactions", "1.a");
        let (job, realm) = new_promise_reaction_job(agent, reaction, argument.clone());
        // b. Perform HostEnqueuePromiseJob(job.[[Job]], job.[[Realm]]).
        step!("sec-triggerpromisereactions", "1.b");
        host_enqueue_promise_job(agent, job, realm);
    }
    // 2. Return unused.
    step!("sec-triggerpromisereactions", "2");
}

/// HostPromiseRejectionTracker ( promise, operation ) (27.2.1.9): the host's hook.
pub fn host_promise_rejection_tracker(
    agent: &mut Agent,
    promise: &Object,
    operation: RejectionOperation,
) {
    let tracker = agent.host.promise_rejection_tracker;
    tracker(agent, promise, operation);
}

/// The realm of a job's callback: GetFunctionRealm(callback), or the current Realm Record
/// when that is an abrupt completion (a revoked Proxy).
/// GetFunctionRealm(callback) for a JobCallback's [[Callback]] (a function object; anything
/// else, which cannot occur, is treated as an abrupt completion).
fn callback_function_realm(agent: &mut Agent, callback: &Value) -> JsResult<Realm> {
    match callback {
        Value::Object(o) => get_function_realm(agent, o),
        _ => Err(Value::Undefined),
    }
}

/// NewPromiseReactionJob ( reaction, argument ) (27.2.2.1): the Job Abstract Closure and
/// its realm.
#[crate::trace::checks_tracing_once]
pub fn new_promise_reaction_job(
    agent: &mut Agent,
    reaction: PromiseReaction,
    argument: Value,
) -> (JobClosure, Option<Realm>) {
    let handler_callback = reaction.handler.as_ref().map(|h| h.callback.clone());
    // 1. Let job be a new Job Abstract Closure with no parameters that captures reaction
    //    and argument and performs the following steps when called:
    step!("sec-newpromisereactionjob", "1");
    let job: JobClosure = Box::new(move |agent: &mut Agent| {
        // (Steps a-c name reaction's fields, which takes no code: one test of the tracing
        // flag for the markers of steps a-d.)
        if crate::trace::enabled() {
            // a. Let promiseCapability be reaction.[[Capability]].
            step!("sec-newpromisereactionjob", "1.a");
            // b. Let type be reaction.[[Type]].
            step!("sec-newpromisereactionjob", "1.b");
            // c. Let handler be reaction.[[Handler]].
            step!("sec-newpromisereactionjob", "1.c");
            // d. If handler is empty, then
            step!("sec-newpromisereactionjob", "1.d");
        }
        let promise_capability = reaction.capability;
        let kind = reaction.kind;
        let handler = reaction.handler;
        let handler_result = match handler {
            None => {
                // i. If type is fulfill, then
                step!("sec-newpromisereactionjob", "1.d.i");
                match kind {
                    PromiseReactionType::Fulfill => {
                        // 1. Let handlerResult be NormalCompletion(argument).
                        step!("sec-newpromisereactionjob", "1.d.i.1");
                        Ok(argument)
                    }
                    // ii. Else,
                    PromiseReactionType::Reject => {
                        step!("sec-newpromisereactionjob", "1.d.ii");
                        // 1. Assert: type is reject.
                        spec_assert!("sec-newpromisereactionjob", "1.d.ii.1", by: "the match arm: type is PromiseReactionType::Reject");
                        // 2. Let handlerResult be ThrowCompletion(argument).
                        step!("sec-newpromisereactionjob", "1.d.ii.2");
                        Err(argument)
                    }
                }
            }
            // e. Else,
            Some(handler) => {
                if crate::trace::enabled() {
                    step!("sec-newpromisereactionjob", "1.e");
                    // i. Let handlerResult be Completion(HostCallJobCallback(handler,
                    //    undefined, « argument »)).
                    step!("sec-newpromisereactionjob", "1.e.i");
                }
                host_call_job_callback(agent, &handler, &Value::Undefined, &[argument])
            }
        };
        // f. If promiseCapability is undefined, then
        step!("sec-newpromisereactionjob", "1.f");
        let Some(promise_capability) = promise_capability else {
            // i. Assert: handlerResult is not an abrupt completion.
            // (The handlers without a capability are the engine's own closures — Await's
            // continuations — which resume code that can only complete abruptly when the
            // host's limits end the agent: a completion the spec has no notion of.)
            spec_assert!(
                "sec-newpromisereactionjob",
                "1.f.i",
                handler_result.is_ok() || agent.termination().is_some()
            );
            // ii. Return empty. (A broken assertion is reported as the job's error.)
            step!("sec-newpromisereactionjob", "1.f.ii");
            return handler_result.map(|_| Value::Undefined);
        };
        // g. Assert: promiseCapability is a PromiseCapability Record.
        spec_assert!("sec-newpromisereactionjob", "1.g", by: "the let-else: promiseCapability is a PromiseCapability (the Rust type)");
        // h. If handlerResult is an abrupt completion, then
        step!("sec-newpromisereactionjob", "1.h");
        match handler_result {
            Err(thrown) => {
                // i. Return ? Call(promiseCapability.[[Reject]], undefined,
                //    « handlerResult.[[Value]] »).
                step!("sec-newpromisereactionjob", "1.h.i");
                promise_capability.call_resolving_function(
                    agent,
                    PromiseReactionType::Reject,
                    thrown,
                )
            }
            // i. Else,
            Ok(value) => {
                if crate::trace::enabled() {
                    step!("sec-newpromisereactionjob", "1.i");
                    // i. Return ? Call(promiseCapability.[[Resolve]], undefined,
                    //    « handlerResult.[[Value]] »).
                    step!("sec-newpromisereactionjob", "1.i.i");
                }
                promise_capability.call_resolving_function(
                    agent,
                    PromiseReactionType::Fulfill,
                    value,
                )
            }
        }
    });
    if crate::trace::enabled() {
        // 2. Let handlerRealm be null. (handler_realm, below.)
        step!("sec-newpromisereactionjob", "2");
        // 3. If reaction.[[Handler]] is not empty, then
        step!("sec-newpromisereactionjob", "3");
    }
    let mut handler_realm = None;
    if let Some(callback) = handler_callback {
        // a. Let getHandlerRealmResult be
        //    Completion(GetFunctionRealm(reaction.[[Handler]].[[Callback]])).
        step!("sec-newpromisereactionjob", "3.a");
        let get_handler_realm_result = callback_function_realm(agent, &callback);
        // b. If getHandlerRealmResult is a normal completion, set handlerRealm to
        //    getHandlerRealmResult.[[Value]].
        step!("sec-newpromisereactionjob", "3.b");
        match get_handler_realm_result {
            Ok(realm) => handler_realm = Some(realm),
            // c. Else, set handlerRealm to the current Realm Record.
            Err(_) => {
                step!("sec-newpromisereactionjob", "3.c");
                handler_realm = Some(agent.current_realm());
            }
        }
        // d. NOTE: handlerRealm is never null unless the handler is undefined. When the
        //    handler is a revoked Proxy and no ECMAScript code runs, handlerRealm is used
        //    to create error objects.
        step!("sec-newpromisereactionjob", "3.d");
    }
    // 4. Return the Record { [[Job]]: job, [[Realm]]: handlerRealm }.
    step!("sec-newpromisereactionjob", "4");
    (job, handler_realm)
}

/// NewPromiseResolveThenableJob ( promiseToResolve, thenable, then ) (27.2.2.2): the Job
/// Abstract Closure and its realm.
pub fn new_promise_resolve_thenable_job(
    agent: &mut Agent,
    promise_to_resolve: Object,
    thenable: Value,
    then: JobCallback,
) -> (JobClosure, Option<Realm>) {
    let then_callback = then.callback.clone();
    // 1. Let job be a new Job Abstract Closure with no parameters that captures
    //    promiseToResolve, thenable, and then and performs the following steps when
    //    called:
    step!("sec-newpromiseresolvethenablejob", "1");
    let job: JobClosure = Box::new(move |agent: &mut Agent| {
        // a. Let resolvingFunctions be CreateResolvingFunctions(promiseToResolve).
        step!("sec-newpromiseresolvethenablejob", "1.a");
        let (resolve, reject) = create_resolving_functions(agent, &promise_to_resolve);
        // b. Let thenCallResult be Completion(HostCallJobCallback(then, thenable,
        //    « resolvingFunctions.[[Resolve]], resolvingFunctions.[[Reject]] »)).
        step!("sec-newpromiseresolvethenablejob", "1.b");
        let then_call_result = host_call_job_callback(
            agent,
            &then,
            &thenable,
            &[Value::Object(resolve), Value::Object(reject.clone())],
        );
        // c. If thenCallResult is an abrupt completion, then
        step!("sec-newpromiseresolvethenablejob", "1.c");
        match then_call_result {
            Err(thrown) => {
                // i. Return ? Call(resolvingFunctions.[[Reject]], undefined,
                //    « thenCallResult.[[Value]] »).
                step!("sec-newpromiseresolvethenablejob", "1.c.i");
                call(agent, &Value::Object(reject), &Value::Undefined, &[thrown])
            }
            // d. Return ? thenCallResult.
            Ok(value) => {
                step!("sec-newpromiseresolvethenablejob", "1.d");
                Ok(value)
            }
        }
    });
    // 2. Let getThenRealmResult be Completion(GetFunctionRealm(then.[[Callback]])).
    step!("sec-newpromiseresolvethenablejob", "2");
    let get_then_realm_result = callback_function_realm(agent, &then_callback);
    // 3. If getThenRealmResult is a normal completion, let thenRealm be
    //    getThenRealmResult.[[Value]].
    step!("sec-newpromiseresolvethenablejob", "3");
    let then_realm = match get_then_realm_result {
        Ok(realm) => realm,
        // 4. Else, let thenRealm be the current Realm Record.
        Err(_) => {
            step!("sec-newpromiseresolvethenablejob", "4");
            agent.current_realm()
        }
    };
    // 5. NOTE: thenRealm is never null. When then.[[Callback]] is a revoked Proxy and no
    //    code runs, thenRealm is used to create error objects.
    step!("sec-newpromiseresolvethenablejob", "5");
    // 6. Return the Record { [[Job]]: job, [[Realm]]: thenRealm }.
    step!("sec-newpromiseresolvethenablejob", "6");
    (job, Some(then_realm))
}

/// PromiseResolve ( C, x ) (27.2.4.7.1).
pub fn promise_resolve(agent: &mut Agent, c: &Object, x: Value) -> JsResult<Object> {
    // 1. If IsPromise(x) is true, then
    step!("sec-promise-resolve", "1");
    if let (true, Value::Object(x_object)) = (is_promise(&x), &x) {
        // a. Let xConstructor be ? Get(x, "constructor").
        step!("sec-promise-resolve", "1.a");
        let x_constructor = get(agent, x_object, &"constructor".into())?;
        // b. If SameValue(xConstructor, C) is true, return x.
        step!("sec-promise-resolve", "1.b");
        if same_value(&x_constructor, &Value::Object(c.clone())) {
            return Ok(x_object.clone());
        }
    }
    // 2. Let promiseCapability be ? NewPromiseCapability(C).
    step!("sec-promise-resolve", "2");
    let promise_capability = new_promise_capability(agent, &Value::Object(c.clone()))?;
    // 3. Perform ? Call(promiseCapability.[[Resolve]], undefined, « x »).
    step!("sec-promise-resolve", "3");
    promise_capability_call_resolve(agent, &promise_capability, x)?;
    // 4. Return promiseCapability.[[Promise]].
    step!("sec-promise-resolve", "4");
    Ok(promise_capability.promise)
}

/// PerformPromiseThen ( promise, onFulfilled, onRejected [ , resultCapability ] )
/// (27.2.5.4.1): resultCapability's promise, or undefined when it is not present.
pub fn perform_promise_then(
    agent: &mut Agent,
    promise: &Object,
    on_fulfilled: Value,
    on_rejected: Value,
    result_capability: Option<PromiseCapability>,
) -> Value {
    perform_promise_then_with(
        agent,
        promise,
        on_fulfilled,
        on_rejected,
        result_capability.map(|capability| ReactionCapability::Record(Box::new(capability))),
    )
}

/// [`perform_promise_then`] with a [`ReactionCapability`].
#[crate::trace::checks_tracing_once]
pub fn perform_promise_then_with(
    agent: &mut Agent,
    promise: &Object,
    on_fulfilled: Value,
    on_rejected: Value,
    result_capability: Option<ReactionCapability>,
) -> Value {
    // 1. Assert: IsPromise(promise) is true.
    spec_assert!(
        "sec-performpromisethen",
        "1",
        is_promise(&Value::Object(promise.clone()))
    );
    if crate::trace::enabled() {
        // 2. If resultCapability is not present, then
        step!("sec-performpromisethen", "2");
        if result_capability.is_none() {
            // a. Set resultCapability to undefined. (None stands for both.)
            step!("sec-performpromisethen", "2.a");
        }
    }
    // 3. If IsCallable(onFulfilled) is false, then
    step!("sec-performpromisethen", "3");
    let on_fulfilled_job_callback = if !is_callable(&on_fulfilled) {
        // a. Let onFulfilledJobCallback be empty.
        step!("sec-performpromisethen", "3.a");
        None
    } else {
        if crate::trace::enabled() {
            // 4. Else,
            step!("sec-performpromisethen", "4");
            // a. Let onFulfilledJobCallback be HostMakeJobCallback(onFulfilled).
            step!("sec-performpromisethen", "4.a");
        }
        Some(host_make_job_callback(agent, on_fulfilled))
    };
    // 5. If IsCallable(onRejected) is false, then
    step!("sec-performpromisethen", "5");
    let on_rejected_job_callback = if !is_callable(&on_rejected) {
        // a. Let onRejectedJobCallback be empty.
        step!("sec-performpromisethen", "5.a");
        None
    } else {
        if crate::trace::enabled() {
            // 6. Else,
            step!("sec-performpromisethen", "6");
            // a. Let onRejectedJobCallback be HostMakeJobCallback(onRejected).
            step!("sec-performpromisethen", "6.a");
        }
        Some(host_make_job_callback(agent, on_rejected))
    };
    // 7. Let fulfillReaction be the PromiseReaction Record { [[Capability]]:
    //    resultCapability, [[Type]]: fulfill, [[Handler]]: onFulfilledJobCallback }.
    step!("sec-performpromisethen", "7");
    let fulfill_reaction = PromiseReaction {
        capability: result_capability.clone(),
        kind: PromiseReactionType::Fulfill,
        handler: on_fulfilled_job_callback,
    };
    // 8. Let rejectReaction be the PromiseReaction Record { [[Capability]]:
    //    resultCapability, [[Type]]: reject, [[Handler]]: onRejectedJobCallback }.
    step!("sec-performpromisethen", "8");
    let reject_reaction = PromiseReaction {
        capability: result_capability.clone(),
        kind: PromiseReactionType::Reject,
        handler: on_rejected_job_callback,
    };
    let (state, result, is_handled) = match &promise.data().kind {
        ObjectKind::Promise(p) => (p.state, p.result.clone(), p.is_handled),
        _ => return Value::Undefined,
    };
    // 9. If promise.[[PromiseState]] is pending, then
    step!("sec-performpromisethen", "9");
    if state == PromiseState::Pending {
        if let ObjectKind::Promise(p) = &mut promise.data_mut().kind {
            // (Most promises get one reaction of each type: the first is given room for
            // one, not the four a Vec starts with.)
            if p.fulfill_reactions.capacity() == 0 {
                p.fulfill_reactions.reserve_exact(1);
                p.reject_reactions.reserve_exact(1);
            }
            // a. Append fulfillReaction to promise.[[PromiseFulfillReactions]].
            step!("sec-performpromisethen", "9.a");
            p.fulfill_reactions.push(fulfill_reaction);
            // b. Append rejectReaction to promise.[[PromiseRejectReactions]].
            step!("sec-performpromisethen", "9.b");
            p.reject_reactions.push(reject_reaction);
        }
    } else if state == PromiseState::Fulfilled {
        // 10. Else if promise.[[PromiseState]] is fulfilled, then
        step!("sec-performpromisethen", "10");
        // a. Let value be promise.[[PromiseResult]].
        step!("sec-performpromisethen", "10.a");
        let value = result;
        // b. Let fulfillJob be NewPromiseReactionJob(fulfillReaction, value).
        step!("sec-performpromisethen", "10.b");
        let (job, realm) = new_promise_reaction_job(agent, fulfill_reaction, value);
        // c. Perform HostEnqueuePromiseJob(fulfillJob.[[Job]], fulfillJob.[[Realm]]).
        step!("sec-performpromisethen", "10.c");
        host_enqueue_promise_job(agent, job, realm);
    } else {
        // 11. Else,
        step!("sec-performpromisethen", "11");
        // a. Assert: promise.[[PromiseState]] is rejected.
        spec_assert!(
            "sec-performpromisethen",
            "11.a",
            state == PromiseState::Rejected
        );
        // b. Let reason be promise.[[PromiseResult]].
        step!("sec-performpromisethen", "11.b");
        let reason = result;
        // c. If promise.[[PromiseIsHandled]] is false, perform
        //    HostPromiseRejectionTracker(promise, "handle").
        step!("sec-performpromisethen", "11.c");
        if !is_handled {
            host_promise_rejection_tracker(agent, promise, RejectionOperation::Handle);
        }
        // d. Let rejectJob be NewPromiseReactionJob(rejectReaction, reason).
        step!("sec-performpromisethen", "11.d");
        let (job, realm) = new_promise_reaction_job(agent, reject_reaction, reason);
        // e. Perform HostEnqueuePromiseJob(rejectJob.[[Job]], rejectJob.[[Realm]]).
        step!("sec-performpromisethen", "11.e");
        host_enqueue_promise_job(agent, job, realm);
    }
    // 12. Set promise.[[PromiseIsHandled]] to true.
    step!("sec-performpromisethen", "12");
    if let ObjectKind::Promise(p) = &mut promise.data_mut().kind {
        p.is_handled = true;
    }
    // 13. If resultCapability is undefined, then
    step!("sec-performpromisethen", "13");
    match result_capability {
        None => {
            // a. Return undefined.
            step!("sec-performpromisethen", "13.a");
            Value::Undefined
        }
        Some(capability) => {
            if crate::trace::enabled() {
                // 14. Else,
                step!("sec-performpromisethen", "14");
                // a. Return resultCapability.[[Promise]].
                step!("sec-performpromisethen", "14.a");
            }
            Value::Object(capability.promise().clone())
        }
    }
}
