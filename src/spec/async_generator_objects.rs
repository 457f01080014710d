//! 27.6 AsyncGenerator Objects (sec-asyncgenerator-objects): async generator instances and
//! the AsyncGenerator Abstract Operations (27.6.3), with EvaluateAsyncGeneratorBody
//! (15.6.2). %AsyncGeneratorPrototype%'s methods are in
//! builtins/async_generator_prototype.rs; suspension itself in spec/execution_context_suspension.rs.
//!
//! An async generator's body is resumed from two places: AsyncGeneratorResume (a `next`,
//! `return` or `throw` request while it is suspended at a `yield` or at its start) and
//! Await's reaction closures (while it is suspended at an `await`, including the implicit
//! ones of `yield`). Either way it runs until its next suspension point, and the steps
//! that follow its completion (AsyncGeneratorStart's closure, steps f-k) run inside the
//! body's closure after it has taken its own context off the stack, so they see exactly
//! the execution context stack the specification describes.

use super::agents::Agent;
use super::await_operation::await_value;
use super::builtin_function_objects::{builtin_closure, BuiltinCall};
use super::completion_record::{Completion, JsResult};
use super::execution_contexts::ExecutionContext;
use super::function_declaration_instantiation::function_declaration_instantiation;
use super::object_kinds::{InternalSlot, ObjectKind};
use super::object_type::Object;
use super::operations_on_iterator_objects::create_iterator_result_object;
use super::ordinary_object_internal_methods::{
    ordinary_create_from_constructor, require_internal_slot,
};
use super::promise_objects::{
    perform_promise_then, promise_capability_call_reject, promise_capability_call_resolve,
    promise_resolve, PromiseCapability,
};
use super::realms::{Intrinsic, Realm};
use super::value::Value;
use crate::spec::completion_record::return_signal_to_completion;
use crate::spec::execution_context_suspension::{self as coroutines, Resumption};
use crate::syntax::ast;
use boa_gc::{custom_trace, Finalize, Trace};
use std::collections::VecDeque;
use std::sync::Arc;

/// [[AsyncGeneratorState]].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AsyncGeneratorState {
    SuspendedStart,
    SuspendedYield,
    Executing,
    DrainingQueue,
    Completed,
}

/// An AsyncGeneratorRequest Record (27.6.3.1).
#[derive(Clone)]
pub struct AsyncGeneratorRequest {
    /// [[Completion]]: a normal, throw or return completion.
    pub completion: Resumption,
    /// [[Capability]].
    pub capability: PromiseCapability,
}

/// The internal slots of an AsyncGenerator instance (Table 93).
#[derive(Finalize)]
pub struct AsyncGeneratorData {
    /// [[AsyncGeneratorState]].
    pub state: AsyncGeneratorState,
    /// [[GeneratorBrand]] (empty for the instances of async generator functions, the only
    /// ones ECMAScript 2025 makes).
    pub brand: Option<&'static str>,
    /// [[AsyncGeneratorContext]] while suspended-start: the context AsyncGeneratorStart
    /// captured and the body to evaluate when it is first resumed.
    pub start: Option<(ExecutionContext, Arc<ast::Function>)>,
    /// [[AsyncGeneratorContext]] once started: the body's internal continuation object
    /// (spec/execution_context_suspension.rs).
    pub continuation: Option<Object>,
    /// [[AsyncGeneratorQueue]].
    pub queue: VecDeque<AsyncGeneratorRequest>,
}

// SAFETY: the function's syntax tree holds no Gc pointers; every value, context and
// capability is traced.
unsafe impl Trace for AsyncGeneratorData {
    custom_trace!(this, mark, {
        if let Some((context, _)) = &this.start {
            mark(context);
        }
        mark(&this.continuation);
        for request in &this.queue {
            match &request.completion {
                Resumption::Normal(v) | Resumption::Throw(v) | Resumption::Return(v) => mark(v),
            }
            mark(&request.capability);
        }
    });
}

/// Runs `f` on the AsyncGenerator slots of `generator`; `None` when it has none.
pub fn with_async_generator<R>(
    generator: &Object,
    f: impl FnOnce(&mut AsyncGeneratorData) -> R,
) -> Option<R> {
    match &mut generator.data_mut().kind {
        ObjectKind::AsyncGenerator(data) => Some(f(data)),
        _ => None,
    }
}

/// generator.[[AsyncGeneratorState]] (completed for an object without the slot, which
/// the callers have validated away).
pub fn async_generator_state(generator: &Object) -> AsyncGeneratorState {
    with_async_generator(generator, |data| data.state).unwrap_or(AsyncGeneratorState::Completed)
}

/// Sets generator.[[AsyncGeneratorState]].
pub fn set_async_generator_state(generator: &Object, state: AsyncGeneratorState) {
    with_async_generator(generator, |data| {
        data.state = state;
        if state == AsyncGeneratorState::Completed {
            // Once completed, its context is never resumed: its state can be discarded.
            data.start = None;
            data.continuation = None;
        }
    });
}

/// EvaluateAsyncGeneratorBody (15.6.2): AsyncGeneratorBody : FunctionBody.
pub fn evaluate_async_generator_body(
    agent: &mut Agent,
    function_object: &Object,
    code: &Arc<ast::Function>,
    arguments_list: &[Value],
) -> JsResult<Completion> {
    // 1. Perform ? FunctionDeclarationInstantiation(functionObject, argumentsList).
    crate::step!("sec-runtime-semantics-evaluateasyncgeneratorbody", "1");
    function_declaration_instantiation(agent, function_object, code, arguments_list)?;
    // 2. Let generator be ? OrdinaryCreateFromConstructor(functionObject,
    //    "%AsyncGeneratorFunction.prototype.prototype%", « [[AsyncGeneratorState]],
    //    [[AsyncGeneratorContext]], [[AsyncGeneratorQueue]], [[GeneratorBrand]] »).
    crate::step!("sec-runtime-semantics-evaluateasyncgeneratorbody", "2");
    // 3. Set generator.[[GeneratorBrand]] to empty.
    crate::step!("sec-runtime-semantics-evaluateasyncgeneratorbody", "3");
    // 4. Set generator.[[AsyncGeneratorState]] to suspended-start.
    crate::step!("sec-runtime-semantics-evaluateasyncgeneratorbody", "4");
    let generator = ordinary_create_from_constructor(
        agent,
        function_object,
        Intrinsic::AsyncGeneratorPrototype,
        ObjectKind::AsyncGenerator(Box::new(AsyncGeneratorData {
            state: AsyncGeneratorState::SuspendedStart,
            brand: None,
            start: None,
            continuation: None,
            queue: VecDeque::new(),
        })),
    )?;
    // 5. Perform AsyncGeneratorStart(generator, FunctionBody).
    crate::step!("sec-runtime-semantics-evaluateasyncgeneratorbody", "5");
    async_generator_start(agent, &generator, code.clone());
    // 6. Return ReturnCompletion(generator).
    crate::step!("sec-runtime-semantics-evaluateasyncgeneratorbody", "6");
    Ok(Completion::Return(Value::Object(generator)))
}

/// AsyncGeneratorStart ( generator, generatorBody ) (27.6.3.2), for a FunctionBody.
pub fn async_generator_start(
    agent: &mut Agent,
    generator: &Object,
    generator_body: Arc<ast::Function>,
) {
    // 1. Assert: generator.[[AsyncGeneratorState]] is suspended-start.
    // 2. Let genContext be the running execution context.
    let mut gen_context = agent.running_execution_context().clone();
    // 3. Set the Generator component of genContext to generator.
    gen_context.generator = Some(generator.clone());
    // 4. Let closure be a new Abstract Closure with no parameters that captures
    //    generatorBody and performs the following steps when called: (see
    //    `async_generator_body_closure`)
    // 5. Set the code evaluation state of genContext such that when evaluation is resumed
    //    for that execution context, closure will be called with no arguments.
    // 6. Set generator.[[AsyncGeneratorContext]] to genContext.
    // 7. Set generator.[[AsyncGeneratorQueue]] to a new empty List.
    with_async_generator(generator, |data| {
        data.start = Some((gen_context, generator_body));
        data.queue = VecDeque::new();
    });
    // 8. Return unused.
}

/// The Abstract Closure of AsyncGeneratorStart step 4. Its result (undefined) goes to
/// whoever resumed the body.
fn async_generator_body_closure(agent: &mut Agent, generator_body: &ast::Function) -> Value {
    // a. Let acGenContext be the running execution context.
    // b. Let acGenerator be the Generator component of acGenContext.
    let ac_generator = agent
        .running_execution_context()
        .generator
        .clone()
        .expect("AsyncGeneratorStart set the Generator component");
    // c. If generatorBody is a Parse Node, then
    //    i. Let result be Completion(Evaluation of generatorBody).
    let result = match &generator_body.body {
        ast::FunctionBody::Block(statements) => {
            crate::spec::evaluation::evaluate_statement_list(agent, statements)
                .or_else(return_signal_to_completion)
        }
        ast::FunctionBody::Expr(_) => unreachable!("async generator bodies are statement lists"),
    };
    // e. Assert: If we return here, the async generator either threw an exception or
    //    performed either an implicit or explicit return.
    // f. Remove acGenContext from the execution context stack and restore the execution
    //    context that is at the top of the execution context stack as the running
    //    execution context.
    let ac_gen_context = agent
        .execution_context_stack
        .pop()
        .expect("the body runs in acGenContext");
    let result: JsResult<Value> = match result {
        // h. If result is a normal completion, set result to NormalCompletion(undefined).
        Ok(Completion::Normal(_)) => Ok(Value::Undefined),
        // i. If result is a return completion, set result to
        //    NormalCompletion(result.[[Value]]).
        Ok(Completion::Return(value)) => Ok(value),
        Ok(Completion::Break(..) | Completion::Continue(..)) => {
            unreachable!("early errors keep break and continue inside the body")
        }
        Err(thrown) => Err(thrown),
    };
    async_generator_body_completed(agent, &ac_generator, result);
    // (The coroutine removes the body's context when this closure returns: put it back
    //  for that.)
    agent.execution_context_stack.push(ac_gen_context);
    // l. Return undefined.
    Value::Undefined
}

/// AsyncGeneratorStart's closure, steps g, j and k, for the body's completion `result`
/// (already mapped by steps h and i).
fn async_generator_body_completed(
    agent: &mut Agent,
    ac_generator: &Object,
    result: JsResult<Value>,
) {
    // g. Set acGenerator.[[AsyncGeneratorState]] to draining-queue.
    set_async_generator_state(ac_generator, AsyncGeneratorState::DrainingQueue);
    with_async_generator(ac_generator, |data| data.continuation = None);
    // j. Perform AsyncGeneratorCompleteStep(acGenerator, result, true).
    async_generator_complete_step(agent, ac_generator, result, true, None);
    // k. Perform AsyncGeneratorDrainQueue(acGenerator).
    async_generator_drain_queue(agent, ac_generator);
}

/// AsyncGeneratorValidate ( generator, generatorBrand ) (27.6.3.3).
pub fn async_generator_validate(
    agent: &mut Agent,
    generator: &Value,
    generator_brand: Option<&'static str>,
) -> JsResult<Object> {
    // 1. Perform ? RequireInternalSlot(generator, [[AsyncGeneratorContext]]).
    // 2. Perform ? RequireInternalSlot(generator, [[AsyncGeneratorState]]).
    // 3. Perform ? RequireInternalSlot(generator, [[AsyncGeneratorQueue]]).
    // (An object has the three slots or none: one check does the three steps.)
    crate::step!("sec-asyncgeneratorvalidate", "1");
    crate::step!("sec-asyncgeneratorvalidate", "2");
    crate::step!("sec-asyncgeneratorvalidate", "3");
    let object = require_internal_slot(
        agent,
        generator,
        InternalSlot::AsyncGeneratorState,
        "AsyncGeneratorValidate",
    )?;
    let brand = with_async_generator(&object, |data| data.brand)
        .expect("RequireInternalSlot checked [[AsyncGeneratorState]]");
    // 4. If generator.[[GeneratorBrand]] is not generatorBrand, throw a TypeError
    //    exception.
    crate::step!("sec-asyncgeneratorvalidate", "4");
    if brand != generator_brand {
        return Err(agent.type_error("not an async generator of this kind"));
    }
    // 5. Return unused.
    crate::step!("sec-asyncgeneratorvalidate", "5");
    Ok(object)
}

/// AsyncGeneratorEnqueue ( generator, completion, promiseCapability ) (27.6.3.4).
pub fn async_generator_enqueue(
    generator: &Object,
    completion: Resumption,
    promise_capability: PromiseCapability,
) {
    // 1. Let request be AsyncGeneratorRequest { [[Completion]]: completion,
    //    [[Capability]]: promiseCapability }.
    crate::step!("sec-asyncgeneratorenqueue", "1");
    let request = AsyncGeneratorRequest {
        completion,
        capability: promise_capability,
    };
    // 2. Append request to generator.[[AsyncGeneratorQueue]].
    crate::step!("sec-asyncgeneratorenqueue", "2");
    with_async_generator(generator, |data| data.queue.push_back(request));
    // 3. Return unused.
    crate::step!("sec-asyncgeneratorenqueue", "3");
}

/// AsyncGeneratorCompleteStep ( generator, completion, done [ , realm ] ) (27.6.3.5), for
/// a normal (`Ok`) or throw (`Err`) completion.
pub fn async_generator_complete_step(
    agent: &mut Agent,
    generator: &Object,
    completion: JsResult<Value>,
    done: bool,
    realm: Option<Realm>,
) {
    // 1. Assert: generator.[[AsyncGeneratorQueue]] is not empty.
    crate::spec_assert!(
        "sec-asyncgeneratorcompletestep",
        "1",
        with_async_generator(generator, |data| !data.queue.is_empty()) == Some(true)
    );
    // 2. Let next be the first element of generator.[[AsyncGeneratorQueue]].
    // 3. Remove the first element from generator.[[AsyncGeneratorQueue]].
    // (pop_front does both.)
    crate::step!("sec-asyncgeneratorcompletestep", "2");
    crate::step!("sec-asyncgeneratorcompletestep", "3");
    let Some(next) = with_async_generator(generator, |data| data.queue.pop_front()).flatten()
    else {
        return;
    };
    // 4. Let promiseCapability be next.[[Capability]].
    crate::step!("sec-asyncgeneratorcompletestep", "4");
    let promise_capability = next.capability;
    // 5. Let value be completion.[[Value]].
    crate::step!("sec-asyncgeneratorcompletestep", "5");
    // 6. If completion is a throw completion, then
    crate::step!("sec-asyncgeneratorcompletestep", "6");
    match completion {
        Err(value) => {
            // a. Perform ! Call(promiseCapability.[[Reject]], undefined, « value »).
            crate::step!("sec-asyncgeneratorcompletestep", "6.a");
            let _ = promise_capability_call_reject(agent, &promise_capability, value);
        }
        Ok(value) => {
            // 7. Else,
            crate::step!("sec-asyncgeneratorcompletestep", "7");
            // a. Assert: completion is a normal completion.
            crate::spec_assert!(
                "sec-asyncgeneratorcompletestep",
                "7.a",
                by: "an Ok completion is a normal completion"
            );
            // b. If realm is present, then
            crate::step!("sec-asyncgeneratorcompletestep", "7.b");
            let iterator_result = match realm {
                Some(realm) => {
                    // i. Let oldRealm be the running execution context's Realm.
                    // ii. Set the running execution context's Realm to realm.
                    // (mem::replace does both.)
                    crate::step!("sec-asyncgeneratorcompletestep", "7.b.i");
                    crate::step!("sec-asyncgeneratorcompletestep", "7.b.ii");
                    let old_realm =
                        std::mem::replace(&mut agent.running_execution_context_mut().realm, realm);
                    // iii. Let iteratorResult be CreateIteratorResultObject(value, done).
                    crate::step!("sec-asyncgeneratorcompletestep", "7.b.iii");
                    let iterator_result = create_iterator_result_object(agent, value, done);
                    // iv. Set the running execution context's Realm to oldRealm.
                    crate::step!("sec-asyncgeneratorcompletestep", "7.b.iv");
                    agent.running_execution_context_mut().realm = old_realm;
                    iterator_result
                }
                None => {
                    // c. Else,
                    crate::step!("sec-asyncgeneratorcompletestep", "7.c");
                    // i. Let iteratorResult be CreateIteratorResultObject(value, done).
                    crate::step!("sec-asyncgeneratorcompletestep", "7.c.i");
                    create_iterator_result_object(agent, value, done)
                }
            };
            // d. Perform ! Call(promiseCapability.[[Resolve]], undefined,
            //    « iteratorResult »).
            crate::step!("sec-asyncgeneratorcompletestep", "7.d");
            let _ = promise_capability_call_resolve(
                agent,
                &promise_capability,
                Value::Object(iterator_result),
            );
        }
    }
    // 8. Return unused.
    crate::step!("sec-asyncgeneratorcompletestep", "8");
}

/// AsyncGeneratorResume ( generator, completion ) (27.6.3.6).
pub fn async_generator_resume(agent: &mut Agent, generator: &Object, completion: Resumption) {
    // 1. Assert: generator.[[AsyncGeneratorState]] is either suspended-start or
    //    suspended-yield.
    // 2. Let genContext be generator.[[AsyncGeneratorContext]].
    // 3. Let callerContext be the running execution context.
    // 4. Suspend callerContext.
    // 5. Set generator.[[AsyncGeneratorState]] to executing.
    let Some((start, continuation)) = with_async_generator(generator, |data| {
        data.state = AsyncGeneratorState::Executing;
        (data.start.take(), data.continuation.clone())
    }) else {
        return;
    };
    // 6. Push genContext onto the execution context stack; genContext is now the running
    //    execution context.
    // 7. Resume the suspended evaluation of genContext using completion as the result of
    //    the operation that suspended it. Let result be the Completion Record returned by
    //    the resumed computation.
    let result = match (start, continuation) {
        (Some((gen_context, body)), _) => {
            let handle = coroutines::new_continuation_object(agent);
            with_async_generator(generator, |data| data.continuation = Some(handle.clone()));
            coroutines::start(agent, &handle, gen_context, move |agent| {
                Ok(async_generator_body_closure(agent, &body))
            })
        }
        (None, Some(handle)) => coroutines::resume(agent, &handle, completion),
        (None, None) => Err(agent.type_error("the async generator has no context to resume")),
    };
    // 8. Assert: result is never an abrupt completion.
    // 9. Assert: When we return here, genContext has already been removed from the
    //    execution context stack and callerContext is the currently running execution
    //    context.
    // (The body's closure never completes abruptly; an abrupt result means its context
    //  could not be resumed at all — no stack could be had for it. The body then ends
    //  with that throw completion, as if it had thrown it.)
    if let Err(thrown) = result {
        async_generator_body_completed(agent, generator, Err(thrown));
    }
    // 10. Return unused.
}

/// AsyncGeneratorUnwrapYieldResumption ( resumptionValue ) (27.6.3.7).
fn async_generator_unwrap_yield_resumption(
    agent: &mut Agent,
    resumption_value: Resumption,
) -> Resumption {
    // 1. If resumptionValue is not a return completion, return ? resumptionValue.
    crate::step!("sec-asyncgeneratorunwrapyieldresumption", "1");
    let Resumption::Return(value) = resumption_value else {
        return resumption_value;
    };
    // 2. Let awaited be Completion(Await(resumptionValue.[[Value]])).
    crate::step!("sec-asyncgeneratorunwrapyieldresumption", "2");
    let awaited = await_value(agent, value);
    // 3. If awaited is a throw completion, return ? awaited.
    crate::step!("sec-asyncgeneratorunwrapyieldresumption", "3");
    let awaited = match awaited {
        Err(thrown) => return Resumption::Throw(thrown),
        Ok(awaited) => awaited,
    };
    // 4. Assert: awaited is a normal completion.
    crate::spec_assert!(
        "sec-asyncgeneratorunwrapyieldresumption",
        "4",
        by: "Await gives a normal (Ok) or a throw (Err) completion, and step 3 returned the throw"
    );
    // 5. Return ReturnCompletion(awaited.[[Value]]).
    crate::step!("sec-asyncgeneratorunwrapyieldresumption", "5");
    Resumption::Return(awaited)
}

/// AsyncGeneratorYield ( value ) (27.6.3.8): the completion the `yield` evaluates to.
pub fn async_generator_yield(agent: &mut Agent, value: Value) -> Resumption {
    // 1. Let genContext be the running execution context.
    crate::step!("sec-asyncgeneratoryield", "1");
    // 2. Assert: genContext is the execution context of a generator.
    crate::spec_assert!(
        "sec-asyncgeneratoryield",
        "2",
        agent.running_execution_context().generator.is_some()
    );
    // 3. Let generator be the value of the Generator component of genContext.
    crate::step!("sec-asyncgeneratoryield", "3");
    let generator = agent
        .running_execution_context()
        .generator
        .clone()
        .expect("yield is evaluated in an async generator's context");
    // 4. Assert: GetGeneratorKind() is async.
    crate::spec_assert!(
        "sec-asyncgeneratoryield",
        "4",
        crate::spec::generator_objects::get_generator_kind(agent)
            == crate::spec::generator_objects::GeneratorKind::Async
    );
    // 5. Let completion be NormalCompletion(value). (Ok(value) below.)
    crate::step!("sec-asyncgeneratoryield", "5");
    // 6. Assert: The execution context stack has at least two elements.
    crate::spec_assert!(
        "sec-asyncgeneratoryield",
        "6",
        agent.execution_context_stack.len() >= 2
    );
    // 7. Let previousContext be the second to top element of the execution context stack.
    crate::step!("sec-asyncgeneratoryield", "7");
    // 8. Let previousRealm be previousContext's Realm.
    crate::step!("sec-asyncgeneratoryield", "8");
    let stack = &agent.execution_context_stack;
    let previous_realm = stack
        .len()
        .checked_sub(2)
        .map(|index| stack[index].realm.clone());
    // 9. Perform AsyncGeneratorCompleteStep(generator, completion, false, previousRealm).
    crate::step!("sec-asyncgeneratoryield", "9");
    async_generator_complete_step(agent, &generator, Ok(value), false, previous_realm);
    // 10. Let queue be generator.[[AsyncGeneratorQueue]].
    crate::step!("sec-asyncgeneratoryield", "10");
    let first = with_async_generator(&generator, |data| {
        data.queue.front().map(|request| request.completion.clone())
    })
    .flatten();
    // 11. If queue is not empty, then
    crate::step!("sec-asyncgeneratoryield", "11");
    if let Some(to_yield_completion) = first {
        // a. NOTE: Execution continues without suspending the generator.
        crate::step!("sec-asyncgeneratoryield", "11.a");
        // b. Let toYield be the first element of queue.
        crate::step!("sec-asyncgeneratoryield", "11.b");
        // c. Let resumptionValue be Completion(toYield.[[Completion]]).
        crate::step!("sec-asyncgeneratoryield", "11.c");
        let resumption_value = to_yield_completion;
        // d. Return ? AsyncGeneratorUnwrapYieldResumption(resumptionValue).
        crate::step!("sec-asyncgeneratoryield", "11.d");
        return async_generator_unwrap_yield_resumption(agent, resumption_value);
    }
    // 12. Else,
    crate::step!("sec-asyncgeneratoryield", "12");
    // a. Set generator.[[AsyncGeneratorState]] to suspended-yield.
    crate::step!("sec-asyncgeneratoryield", "12.a");
    set_async_generator_state(&generator, AsyncGeneratorState::SuspendedYield);
    // b. Remove genContext from the execution context stack and restore the execution
    //    context that is at the top of the execution context stack as the running
    //    execution context.
    // c. Let callerContext be the running execution context.
    // d. Resume callerContext passing undefined. If genContext is ever resumed again, let
    //    resumptionValue be the Completion Record with which it is resumed.
    // (The coroutine switch does the three steps.)
    crate::step!("sec-asyncgeneratoryield", "12.b");
    crate::step!("sec-asyncgeneratoryield", "12.c");
    crate::step!("sec-asyncgeneratoryield", "12.d");
    let resumption_value = coroutines::suspend(agent, Value::Undefined);
    // e. Assert: If control reaches here, then genContext is the running execution context
    //    again.
    crate::spec_assert!(
        "sec-asyncgeneratoryield",
        "12.e",
        by: "coroutines::suspend returns when genContext is resumed"
    );
    // f. Return ? AsyncGeneratorUnwrapYieldResumption(resumptionValue).
    crate::step!("sec-asyncgeneratoryield", "12.f");
    async_generator_unwrap_yield_resumption(agent, resumption_value)
}

/// AsyncGeneratorAwaitReturn ( generator ) (27.6.3.9).
pub fn async_generator_await_return(agent: &mut Agent, generator: &Object) {
    // 1. Assert: generator.[[AsyncGeneratorState]] is draining-queue.
    // 2. Let queue be generator.[[AsyncGeneratorQueue]].
    // 3. Assert: queue is not empty.
    // 4. Let next be the first element of queue.
    // 5. Let completion be Completion(next.[[Completion]]).
    let completion = with_async_generator(generator, |data| {
        data.queue.front().map(|request| request.completion.clone())
    })
    .flatten();
    // 6. Assert: completion is a return completion.
    let Some(Resumption::Return(value)) = completion else {
        return;
    };
    // 7. Let promiseCompletion be Completion(PromiseResolve(%Promise%,
    //    completion.[[Value]])).
    let promise_constructor = agent.intrinsic(Intrinsic::Promise);
    let promise = match promise_resolve(agent, &promise_constructor, value) {
        // 8. If promiseCompletion is an abrupt completion, then
        Err(thrown) => {
            // a. Perform AsyncGeneratorCompleteStep(generator, promiseCompletion, true).
            async_generator_complete_step(agent, generator, Err(thrown), true, None);
            // b. Perform AsyncGeneratorDrainQueue(generator).
            async_generator_drain_queue(agent, generator);
            // c. Return unused.
            return;
        }
        // 9. Assert: promiseCompletion is a normal completion.
        // 10. Let promise be promiseCompletion.[[Value]].
        Ok(promise) => promise,
    };
    // 11. Let fulfilledClosure be a new Abstract Closure with parameters (value) that
    //     captures generator and performs the following steps when called: (see
    //     `await_return_fulfilled`)
    // 12. Let onFulfilled be CreateBuiltinFunction(fulfilledClosure, 1, "", « »).
    let on_fulfilled = builtin_closure(agent, await_return_fulfilled, 1.0, generator.clone());
    // 13. Let rejectedClosure be a new Abstract Closure with parameters (reason) that
    //     captures generator and performs the following steps when called: (see
    //     `await_return_rejected`)
    // 14. Let onRejected be CreateBuiltinFunction(rejectedClosure, 1, "", « »).
    let on_rejected = builtin_closure(agent, await_return_rejected, 1.0, generator.clone());
    // 15. Perform PerformPromiseThen(promise, onFulfilled, onRejected).
    perform_promise_then(
        agent,
        &promise,
        Value::Object(on_fulfilled),
        Value::Object(on_rejected),
        None,
    );
    // 16. Return unused.
}

/// fulfilledClosure (AsyncGeneratorAwaitReturn step 11).
fn await_return_fulfilled(
    agent: &mut Agent,
    call: &BuiltinCall,
    generator: &Object,
) -> JsResult<Value> {
    // a. Assert: generator.[[AsyncGeneratorState]] is draining-queue.
    // b. Let result be NormalCompletion(value).
    // c. Perform AsyncGeneratorCompleteStep(generator, result, true).
    async_generator_complete_step(agent, generator, Ok(call.arg(0)), true, None);
    // d. Perform AsyncGeneratorDrainQueue(generator).
    async_generator_drain_queue(agent, generator);
    // e. Return undefined.
    Ok(Value::Undefined)
}

/// rejectedClosure (AsyncGeneratorAwaitReturn step 13).
fn await_return_rejected(
    agent: &mut Agent,
    call: &BuiltinCall,
    generator: &Object,
) -> JsResult<Value> {
    // a. Assert: generator.[[AsyncGeneratorState]] is draining-queue.
    // b. Let result be ThrowCompletion(reason).
    // c. Perform AsyncGeneratorCompleteStep(generator, result, true).
    async_generator_complete_step(agent, generator, Err(call.arg(0)), true, None);
    // d. Perform AsyncGeneratorDrainQueue(generator).
    async_generator_drain_queue(agent, generator);
    // e. Return undefined.
    Ok(Value::Undefined)
}

/// AsyncGeneratorDrainQueue ( generator ) (27.6.3.10).
pub fn async_generator_drain_queue(agent: &mut Agent, generator: &Object) {
    // 1. Assert: generator.[[AsyncGeneratorState]] is draining-queue.
    // 2. Let queue be generator.[[AsyncGeneratorQueue]].
    // 3. Repeat,
    loop {
        let first = with_async_generator(generator, |data| {
            data.queue.front().map(|request| request.completion.clone())
        })
        .flatten();
        // a. If queue is empty, then
        let Some(completion) = first else {
            // i. Set generator.[[AsyncGeneratorState]] to completed.
            set_async_generator_state(generator, AsyncGeneratorState::Completed);
            // ii. Return unused.
            return;
        };
        // b. Let next be the first element of queue.
        // c. Let completion be Completion(next.[[Completion]]).
        let completion = match completion {
            // d. If completion is a return completion, then
            Resumption::Return(_) => {
                // i. Perform AsyncGeneratorAwaitReturn(generator).
                async_generator_await_return(agent, generator);
                // ii. Return unused.
                return;
            }
            // e. Else,
            //    i. If completion is a normal completion, then
            //       1. Set completion to NormalCompletion(undefined).
            Resumption::Normal(_) => Ok(Value::Undefined),
            Resumption::Throw(thrown) => Err(thrown),
        };
        //    ii. Perform AsyncGeneratorCompleteStep(generator, completion, true).
        async_generator_complete_step(agent, generator, completion, true, None);
    }
}
