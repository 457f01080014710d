//! 27.6.1 The %AsyncGeneratorPrototype% Object (sec-properties-of-asyncgenerator-prototype):
//! `next`, `return` and `throw`. The object itself, its `constructor` and its
//! @@toStringTag are made in builtins/async_generator_function.rs.

use super::helpers::define_method;
use crate::spec::agents::Agent;
use crate::spec::async_generator_objects::{
    async_generator_await_return, async_generator_enqueue, async_generator_resume,
    async_generator_state, async_generator_validate, set_async_generator_state,
    AsyncGeneratorState,
};
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::execution_context_suspension::Resumption;
use crate::spec::object_type::Object;
use crate::spec::operations_on_iterator_objects::create_iterator_result_object;
use crate::spec::promise_objects::{
    if_abrupt_reject_promise, new_promise_capability, promise_capability_call_reject,
    promise_capability_call_resolve, PromiseCapability,
};
use crate::spec::realms::Intrinsic;
use crate::spec::value::Value;

/// Defines `next`, `return` and `throw` on %AsyncGeneratorPrototype%.
pub fn define_async_generator_prototype_methods(agent: &mut Agent, prototype: &Object) {
    define_method(agent, prototype, "next", 1, next);
    define_method(agent, prototype, "return", 1, async_generator_return);
    define_method(agent, prototype, "throw", 1, throw);
}

/// ! NewPromiseCapability(%Promise%).
fn new_intrinsic_promise_capability(agent: &mut Agent) -> JsResult<PromiseCapability> {
    let promise_constructor = Value::Object(agent.intrinsic(Intrinsic::Promise));
    new_promise_capability(agent, &promise_constructor)
}

/// %AsyncGeneratorPrototype%.next ( value ) (27.6.1.2).
fn next(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let value = call.arg(0);
    // 1. Let generator be the this value.
    // 2. Let promiseCapability be ! NewPromiseCapability(%Promise%).
    let promise_capability = new_intrinsic_promise_capability(agent)?;
    // 3. Let result be Completion(AsyncGeneratorValidate(generator, empty)).
    let result = async_generator_validate(agent, call.this, None);
    // 4. IfAbruptRejectPromise(result, promiseCapability).
    let generator = if_abrupt_reject_promise!(agent, result, promise_capability);
    // 5. Let state be generator.[[AsyncGeneratorState]].
    let state = async_generator_state(&generator);
    // 6. If state is completed, then
    if state == AsyncGeneratorState::Completed {
        // a. Let iteratorResult be CreateIteratorResultObject(undefined, true).
        let iterator_result = create_iterator_result_object(agent, Value::Undefined, true);
        // b. Perform ! Call(promiseCapability.[[Resolve]], undefined, « iteratorResult »).
        promise_capability_call_resolve(
            agent,
            &promise_capability,
            Value::Object(iterator_result),
        )?;
        // c. Return promiseCapability.[[Promise]].
        return Ok(Value::Object(promise_capability.promise));
    }
    // 7. Let completion be NormalCompletion(value).
    let completion = Resumption::Normal(value);
    // 8. Perform AsyncGeneratorEnqueue(generator, completion, promiseCapability).
    async_generator_enqueue(&generator, completion.clone(), promise_capability.clone());
    // 9. If state is either suspended-start or suspended-yield, then
    if matches!(
        state,
        AsyncGeneratorState::SuspendedStart | AsyncGeneratorState::SuspendedYield
    ) {
        // a. Perform AsyncGeneratorResume(generator, completion).
        async_generator_resume(agent, &generator, completion);
    }
    // 10. Else,
    //     a. Assert: state is either executing or draining-queue.
    // 11. Return promiseCapability.[[Promise]].
    Ok(Value::Object(promise_capability.promise))
}

/// %AsyncGeneratorPrototype%.return ( value ) (27.6.1.3).
fn async_generator_return(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let value = call.arg(0);
    // 1. Let generator be the this value.
    // 2. Let promiseCapability be ! NewPromiseCapability(%Promise%).
    let promise_capability = new_intrinsic_promise_capability(agent)?;
    // 3. Let result be Completion(AsyncGeneratorValidate(generator, empty)).
    let result = async_generator_validate(agent, call.this, None);
    // 4. IfAbruptRejectPromise(result, promiseCapability).
    let generator = if_abrupt_reject_promise!(agent, result, promise_capability);
    // 5. Let completion be ReturnCompletion(value).
    let completion = Resumption::Return(value);
    // 6. Perform AsyncGeneratorEnqueue(generator, completion, promiseCapability).
    async_generator_enqueue(&generator, completion.clone(), promise_capability.clone());
    // 7. Let state be generator.[[AsyncGeneratorState]].
    let state = async_generator_state(&generator);
    match state {
        // 8. If state is either suspended-start or completed, then
        AsyncGeneratorState::SuspendedStart | AsyncGeneratorState::Completed => {
            // a. Set generator.[[AsyncGeneratorState]] to draining-queue.
            set_async_generator_state(&generator, AsyncGeneratorState::DrainingQueue);
            // (Its suspended-start context will never run.)
            crate::spec::async_generator_objects::with_async_generator(&generator, |data| {
                data.start = None
            });
            // b. Perform AsyncGeneratorAwaitReturn(generator).
            async_generator_await_return(agent, &generator);
        }
        // 9. Else if state is suspended-yield, then
        AsyncGeneratorState::SuspendedYield => {
            // a. Perform AsyncGeneratorResume(generator, completion).
            async_generator_resume(agent, &generator, completion);
        }
        // 10. Else,
        //     a. Assert: state is either executing or draining-queue.
        AsyncGeneratorState::Executing | AsyncGeneratorState::DrainingQueue => {}
    }
    // 11. Return promiseCapability.[[Promise]].
    Ok(Value::Object(promise_capability.promise))
}

/// %AsyncGeneratorPrototype%.throw ( exception ) (27.6.1.4).
fn throw(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let exception = call.arg(0);
    // 1. Let generator be the this value.
    // 2. Let promiseCapability be ! NewPromiseCapability(%Promise%).
    let promise_capability = new_intrinsic_promise_capability(agent)?;
    // 3. Let result be Completion(AsyncGeneratorValidate(generator, empty)).
    let result = async_generator_validate(agent, call.this, None);
    // 4. IfAbruptRejectPromise(result, promiseCapability).
    let generator = if_abrupt_reject_promise!(agent, result, promise_capability);
    // 5. Let state be generator.[[AsyncGeneratorState]].
    let mut state = async_generator_state(&generator);
    // 6. If state is suspended-start, then
    if state == AsyncGeneratorState::SuspendedStart {
        // a. Set generator.[[AsyncGeneratorState]] to completed.
        set_async_generator_state(&generator, AsyncGeneratorState::Completed);
        // b. Set state to completed.
        state = AsyncGeneratorState::Completed;
    }
    // 7. If state is completed, then
    if state == AsyncGeneratorState::Completed {
        // a. Perform ! Call(promiseCapability.[[Reject]], undefined, « exception »).
        promise_capability_call_reject(agent, &promise_capability, exception)?;
        // b. Return promiseCapability.[[Promise]].
        return Ok(Value::Object(promise_capability.promise));
    }
    // 8. Let completion be ThrowCompletion(exception).
    let completion = Resumption::Throw(exception);
    // 9. Perform AsyncGeneratorEnqueue(generator, completion, promiseCapability).
    async_generator_enqueue(&generator, completion.clone(), promise_capability.clone());
    // 10. If state is suspended-yield, then
    if state == AsyncGeneratorState::SuspendedYield {
        // a. Perform AsyncGeneratorResume(generator, completion).
        async_generator_resume(agent, &generator, completion);
    }
    // 11. Else,
    //     a. Assert: state is either executing or draining-queue.
    // 12. Return promiseCapability.[[Promise]].
    Ok(Value::Object(promise_capability.promise))
}
