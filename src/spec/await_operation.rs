//! Await ( value ) (6.2.3.1, sec-await): suspends the running async function, async
//! generator or module until the promise for `value` settles.

use super::agents::Agent;
use super::builtin_function_objects::{builtin_closure, BuiltinCall};
use super::completion_record::JsResult;
use super::object_type::Object;
use super::promise_objects::{perform_promise_then, promise_resolve};
use super::realms::Intrinsic;
use super::value::Value;
use crate::spec::completion_record::resumption_result;
use crate::spec::execution_context_suspension::{self as coroutines, Resumption};

/// Await ( value ) (6.2.3.1). Returns the completion the async context is resumed with:
/// the fulfillment value, or the rejection reason thrown.
pub fn await_value(agent: &mut Agent, value: Value) -> JsResult<Value> {
    // 1. Let asyncContext be the running execution context.
    let async_context = agent
        .running_continuation
        .clone()
        .expect("await is evaluated in an async body's context");
    // 2. Let promise be ? PromiseResolve(%Promise%, value).
    let promise_constructor = agent.intrinsic(Intrinsic::Promise);
    let promise = promise_resolve(agent, &promise_constructor, value)?;
    // 3. Let fulfilledClosure be a new Abstract Closure with parameters (v) that captures
    //    asyncContext and performs the following steps when called: (await_fulfilled)
    // 4. Let onFulfilled be CreateBuiltinFunction(fulfilledClosure, 1, "", « »).
    let on_fulfilled = builtin_closure(agent, await_fulfilled, 1.0, async_context.clone());
    // 5. Let rejectedClosure be a new Abstract Closure with parameters (reason) that
    //    captures asyncContext and performs the following steps when called:
    //    (await_rejected)
    // 6. Let onRejected be CreateBuiltinFunction(rejectedClosure, 1, "", « »).
    let on_rejected = builtin_closure(agent, await_rejected, 1.0, async_context);
    // 7. Perform PerformPromiseThen(promise, onFulfilled, onRejected).
    perform_promise_then(
        agent,
        &promise,
        Value::Object(on_fulfilled),
        Value::Object(on_rejected),
        None,
    );
    // 8. Remove asyncContext from the execution context stack and restore the execution
    //    context that is at the top of the execution context stack as the running
    //    execution context.
    // 9. Let callerContext be the running execution context.
    // 10. Resume callerContext passing empty. If asyncContext is ever resumed again, let
    //     completion be the Completion Record with which it is resumed.
    let completion = coroutines::suspend(agent, Value::Undefined);
    // 11. Assert: If control reaches here, then asyncContext is the running execution
    //     context again.
    // 12. Return completion.
    resumption_result(completion)
}

/// fulfilledClosure (Await step 3).
fn await_fulfilled(
    agent: &mut Agent,
    call: &BuiltinCall,
    async_context: &Object,
) -> JsResult<Value> {
    // a. Let prevContext be the running execution context.
    // b. Suspend prevContext.
    // c. Push asyncContext onto the execution context stack; asyncContext is now the
    //    running execution context.
    // d. Resume the suspended evaluation of asyncContext using NormalCompletion(v) as the
    //    result of the operation that suspended it.
    // e. Assert: When we reach this step, asyncContext has already been removed from the
    //    execution context stack and prevContext is the currently running execution
    //    context.
    resume_async_context(agent, async_context, Resumption::Normal(call.arg(0)))?;
    // f. Return undefined.
    Ok(Value::Undefined)
}

/// rejectedClosure (Await step 5).
fn await_rejected(
    agent: &mut Agent,
    call: &BuiltinCall,
    async_context: &Object,
) -> JsResult<Value> {
    // a-e. (as fulfilledClosure, using ThrowCompletion(reason))
    resume_async_context(agent, async_context, Resumption::Throw(call.arg(0)))?;
    // f. Return undefined.
    Ok(Value::Undefined)
}

/// Resumes an async context suspended in Await. What it gives back when it suspends again
/// or completes is empty or unused (its results go to its promise), except an abrupt
/// completion of the resumption itself (no stack for it), which the caller propagates.
fn resume_async_context(
    agent: &mut Agent,
    async_context: &Object,
    resumption: Resumption,
) -> JsResult<()> {
    coroutines::resume(agent, async_context, resumption).map(|_| ())
}
