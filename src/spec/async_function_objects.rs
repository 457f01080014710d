//! 27.7 AsyncFunction Objects (sec-async-function-objects): the Async Functions Abstract
//! Operations (27.7.5), with the EvaluateAsyncFunctionBody / EvaluateAsyncConciseBody
//! semantics of 15.8.4 and 15.9.4.

use super::agents::Agent;
use super::completion_record::{Completion, JsResult};
use super::ecmascript_function_objects::function_data_code;
use super::function_declaration_instantiation::function_declaration_instantiation;
use super::object_type::Object;
use super::operations_on_objects::call;
use super::promise_objects::{new_promise_capability, PromiseCapability};
use super::realms::Intrinsic;
use super::value::Value;
use crate::spec::execution_context_suspension as coroutines;
use crate::syntax::ast;
use std::sync::Arc;

/// EvaluateAsyncFunctionBody (15.8.4) with arguments functionObject and argumentsList; an
/// async arrow function's ExpressionBody goes to EvaluateAsyncConciseBody (15.9.3).
pub fn evaluate_async_function_body(
    agent: &mut Agent,
    function_object: &Object,
    arguments_list: &[Value],
) -> JsResult<Completion> {
    if let ast::FunctionBody::Expr(_) = function_data_code(function_object).body {
        return evaluate_async_concise_body(agent, function_object, arguments_list);
    }
    let code = function_data_code(function_object);
    // 1. Let promiseCapability be ! NewPromiseCapability(%Promise%).
    crate::step!("sec-runtime-semantics-evaluateasyncfunctionbody", "1");
    let promise_constructor = Value::Object(agent.intrinsic(Intrinsic::Promise));
    let promise_capability = new_promise_capability(agent, &promise_constructor)?;
    // 2. Let completion be Completion(FunctionDeclarationInstantiation(functionObject,
    //    argumentsList)).
    crate::step!("sec-runtime-semantics-evaluateasyncfunctionbody", "2");
    let completion =
        function_declaration_instantiation(agent, function_object, &code, arguments_list);
    // 3. If completion is an abrupt completion, then
    crate::step!("sec-runtime-semantics-evaluateasyncfunctionbody", "3");
    match completion {
        Err(e) => {
            // a. Perform ! Call(promiseCapability.[[Reject]], undefined, «
            //    completion.[[Value]] »).
            crate::step!("sec-runtime-semantics-evaluateasyncfunctionbody", "3.a");
            call(agent, &promise_capability.reject, &Value::Undefined, &[e])?;
        }
        Ok(()) => {
            // 4. Else,
            crate::step!("sec-runtime-semantics-evaluateasyncfunctionbody", "4");
            // a. Perform AsyncFunctionStart(promiseCapability, FunctionBody).
            crate::step!("sec-runtime-semantics-evaluateasyncfunctionbody", "4.a");
            async_function_start(agent, &promise_capability, code)?;
        }
    }
    // 5. Return ReturnCompletion(promiseCapability.[[Promise]]).
    crate::step!("sec-runtime-semantics-evaluateasyncfunctionbody", "5");
    Ok(Completion::Return(Value::Object(
        promise_capability.promise,
    )))
}

/// EvaluateAsyncConciseBody (15.9.3) of an async arrow function's ExpressionBody, with
/// arguments functionObject and argumentsList.
fn evaluate_async_concise_body(
    agent: &mut Agent,
    function_object: &Object,
    arguments_list: &[Value],
) -> JsResult<Completion> {
    let code = function_data_code(function_object);
    // 1. Let promiseCapability be ! NewPromiseCapability(%Promise%).
    crate::step!("sec-runtime-semantics-evaluateasyncconcisebody", "1");
    let promise_constructor = Value::Object(agent.intrinsic(Intrinsic::Promise));
    let promise_capability = new_promise_capability(agent, &promise_constructor)?;
    // 2. Let completion be Completion(FunctionDeclarationInstantiation(functionObject,
    //    argumentsList)).
    crate::step!("sec-runtime-semantics-evaluateasyncconcisebody", "2");
    let completion =
        function_declaration_instantiation(agent, function_object, &code, arguments_list);
    // 3. If completion is an abrupt completion, then
    crate::step!("sec-runtime-semantics-evaluateasyncconcisebody", "3");
    match completion {
        Err(e) => {
            // a. Perform ! Call(promiseCapability.[[Reject]], undefined, «
            //    completion.[[Value]] »).
            crate::step!("sec-runtime-semantics-evaluateasyncconcisebody", "3.a");
            call(agent, &promise_capability.reject, &Value::Undefined, &[e])?;
        }
        Ok(()) => {
            // 4. Else,
            crate::step!("sec-runtime-semantics-evaluateasyncconcisebody", "4");
            // a. Perform AsyncFunctionStart(promiseCapability, ExpressionBody).
            crate::step!("sec-runtime-semantics-evaluateasyncconcisebody", "4.a");
            async_function_start(agent, &promise_capability, code)?;
        }
    }
    // 5. Return ReturnCompletion(promiseCapability.[[Promise]]).
    crate::step!("sec-runtime-semantics-evaluateasyncconcisebody", "5");
    Ok(Completion::Return(Value::Object(
        promise_capability.promise,
    )))
}

/// AsyncFunctionStart ( promiseCapability, asyncFunctionBody ) (27.7.5.1).
pub fn async_function_start(
    agent: &mut Agent,
    promise_capability: &PromiseCapability,
    async_function_body: Arc<ast::Function>,
) -> JsResult<()> {
    // 1. Let runningContext be the running execution context.
    // 2. Let asyncContext be a copy of runningContext.
    // 3. NOTE: Copying the execution state is required for AsyncBlockStart to resume its
    //    execution. It is ill-defined to resume a currently executing context.
    let async_context = agent.running_execution_context().clone();
    // 4. Perform AsyncBlockStart(promiseCapability, asyncFunctionBody, asyncContext).
    async_block_start(
        agent,
        promise_capability.clone(),
        async_context,
        move |agent| evaluate_async_body(agent, &async_function_body),
    )
    // 5. Return unused.
}

/// Evaluation of an async function's FunctionBody or ExpressionBody.
fn evaluate_async_body(agent: &mut Agent, body: &ast::Function) -> JsResult<Completion> {
    match &body.body {
        ast::FunctionBody::Block(statements) => {
            crate::spec::evaluation::evaluate_statement_list(agent, statements)
        }
        // An ExpressionBody evaluates to a return completion of its value.
        ast::FunctionBody::Expr(expr) => Ok(Completion::Return(
            crate::spec::evaluation::evaluate_expression(agent, expr)?,
        )),
    }
}

/// AsyncBlockStart ( promiseCapability, asyncBody, asyncContext ) (27.7.5.2), for an
/// asyncBody given as the Rust evaluation of its Parse Node (or its Abstract Closure).
pub fn async_block_start(
    agent: &mut Agent,
    promise_capability: PromiseCapability,
    async_context: super::execution_contexts::ExecutionContext,
    async_body: impl FnOnce(&mut Agent) -> JsResult<Completion> + 'static,
) -> JsResult<()> {
    // 1. Let runningContext be the running execution context.
    // 2. Let closure be a new Abstract Closure with no parameters that captures
    //    promiseCapability and asyncBody and performs the following steps when called:
    let closure = move |agent: &mut Agent| -> JsResult<Value> {
        // a. Let acAsyncContext be the running execution context.
        // b. If asyncBody is a Parse Node, then i. Let result be Completion(Evaluation of
        //    asyncBody).
        // c. Else, i. Assert: asyncBody is an Abstract Closure with no parameters. ii. Let
        //    result be asyncBody().
        let result = async_body(agent);
        // d. Assert: If we return here, the async function either threw an exception or
        //    performed an implicit or explicit return; all awaiting is done.
        // e. Remove acAsyncContext from the execution context stack and restore the
        //    execution context that is at the top of the execution context stack as the
        //    running execution context. (done by the coroutine as this returns; the calls
        //    below run in acAsyncContext's place, which is unobservable: they call the
        //    built-in resolving functions, which push their own contexts)
        match result {
            // f. If result is a normal completion, then i. Perform ! Call(
            //    promiseCapability.[[Resolve]], undefined, « undefined »).
            Ok(Completion::Normal(_)) => {
                call(
                    agent,
                    &promise_capability.resolve,
                    &Value::Undefined,
                    &[Value::Undefined],
                )?;
            }
            // g. Else if result is a return completion, then i. Perform ! Call(
            //    promiseCapability.[[Resolve]], undefined, « result.[[Value]] »).
            Ok(Completion::Return(value)) => {
                call(
                    agent,
                    &promise_capability.resolve,
                    &Value::Undefined,
                    &[value],
                )?;
            }
            Ok(Completion::Break(..) | Completion::Continue(..)) => {
                unreachable!("early errors keep break and continue inside the body")
            }
            // h. Else, i. Assert: result is a throw completion. ii. Perform ! Call(
            //    promiseCapability.[[Reject]], undefined, « result.[[Value]] »).
            Err(e) => {
                call(agent, &promise_capability.reject, &Value::Undefined, &[e])?;
            }
        }
        // i. Return unused.
        Ok(Value::Undefined)
    };
    // 3. Set the code evaluation state of asyncContext such that when evaluation is resumed
    //    for that execution context, closure will be called with no arguments.
    // 4. Push asyncContext onto the execution context stack; asyncContext is now the
    //    running execution context.
    // 5. Resume the suspended evaluation of asyncContext. Let result be the value returned
    //    by the resumed computation.
    let handle = coroutines::new_continuation_object(agent);
    coroutines::start(agent, &handle, async_context, closure)?;
    // 6. Assert: When we return here, asyncContext has already been removed from the
    //    execution context stack and runningContext is the currently running execution
    //    context.
    // 7. Assert: result is a normal completion with a value of unused. The possible
    //    sources of this value are Await or, if the async function doesn't await anything,
    //    step 2.i above.
    // 8. Return unused.
    Ok(())
}
