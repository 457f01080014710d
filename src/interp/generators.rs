//! 15.5 Generator Function Definitions and 15.6 Async Generator Function Definitions:
//! Evaluation of YieldExpression (15.5.5), with Yield ( value ) (27.5.3.8). A `yield`
//! resumed with a return completion gives a *return signal* on the error channel
//! (`spec::completion_record`), which `statements::labelled_evaluation` turns back into a
//! return completion.

use crate::interp::expressions::evaluate_expression;
use crate::spec::agents::Agent;
use crate::spec::async_generator_objects::async_generator_yield;
use crate::spec::await_operation::await_value;
use crate::spec::completion_record::JsResult;
pub use crate::spec::completion_record::{
    is_return_signal, resumption_result, return_signal, return_signal_to_completion,
};
use crate::spec::execution_context_suspension::Resumption;
use crate::spec::generator_objects::{generator_yield, get_generator_kind, GeneratorKind};
use crate::spec::object_type::Object;
use crate::spec::operations_on_iterator_objects::{
    async_iterator_close, create_iterator_result_object, get_iterator_of_kind, iterator_close,
    iterator_complete, iterator_value, IteratorKind,
};
use crate::spec::operations_on_objects::{call, get_method};
use crate::spec::value::Value;
use crate::syntax::ast::Expr;

/// Evaluation of YieldExpression : `yield` and `yield AssignmentExpression` (15.5.5).
pub fn evaluate_yield(agent: &mut Agent, argument: Option<&Expr>) -> JsResult<Value> {
    let value = match argument {
        // YieldExpression : yield — 1. Return ? Yield(undefined).
        None => Value::Undefined,
        // YieldExpression : yield AssignmentExpression
        // 1. Let exprRef be ? Evaluation of AssignmentExpression.
        // 2. Let value be ? GetValue(exprRef).
        Some(expr) => evaluate_expression(agent, expr)?,
    };
    // 3. Return ? Yield(value).
    yield_value(agent, value)
}

/// Yield ( value ) (27.5.3.8).
pub fn yield_value(agent: &mut Agent, value: Value) -> JsResult<Value> {
    // (Untraced, in a sync generator: steps 1 and 3 at once, sync_yield_untraced.)
    let value = if crate::trace::enabled() {
        value
    } else {
        match crate::spec::generator_objects::sync_yield_untraced(agent, value) {
            Ok(resumption) => return resumption_result(resumption),
            Err(value) => value,
        }
    };
    // 1. Let generatorKind be GetGeneratorKind().
    crate::step!("sec-yield", "1");
    let generator_kind = get_generator_kind(agent);
    // 2. If generatorKind is async, return ? AsyncGeneratorYield(? Await(value)).
    crate::step!("sec-yield", "2");
    if generator_kind == GeneratorKind::Async {
        let awaited = await_value(agent, value)?;
        return resumption_result(async_generator_yield(agent, awaited));
    }
    // 3. Otherwise, return ? GeneratorYield(CreateIteratorResultObject(value, false)).
    crate::step!("sec-yield", "3");
    let iterator_result = create_iterator_result_object(agent, value, false);
    resumption_result(generator_yield(agent, iterator_result))
}

/// `received` in the yield* loop after a yield: GeneratorYield or AsyncGeneratorYield of
/// the inner result (step 8.a.vi-vii and the like).
fn yield_inner_result(
    agent: &mut Agent,
    kind: GeneratorKind,
    inner_result: &Object,
) -> JsResult<Resumption> {
    if kind == GeneratorKind::Async {
        // If generatorKind is async, set received to
        // Completion(AsyncGeneratorYield(? IteratorValue(innerResult))).
        let value = iterator_value(agent, inner_result)?;
        Ok(async_generator_yield(agent, value))
    } else {
        // Else, set received to Completion(GeneratorYield(innerResult)).
        Ok(generator_yield(agent, inner_result.clone()))
    }
}

/// `innerResult` after "If generatorKind is async, set innerResult to ? Await(innerResult)"
/// and "If innerResult is not an Object, throw a TypeError exception".
fn settle_inner_result(
    agent: &mut Agent,
    kind: GeneratorKind,
    inner_result: Value,
) -> JsResult<Object> {
    let inner_result = if kind == GeneratorKind::Async {
        await_value(agent, inner_result)?
    } else {
        inner_result
    };
    match inner_result {
        Value::Object(o) => Ok(o),
        _ => Err(agent.type_error("the delegated iterator's result is not an object")),
    }
}

/// Evaluation of YieldExpression : `yield * AssignmentExpression` (15.5.5).
pub fn evaluate_yield_star(agent: &mut Agent, expr: &Expr) -> JsResult<Value> {
    // 1. Let generatorKind be GetGeneratorKind().
    // 2. Assert: generatorKind is either sync or async.
    let kind = get_generator_kind(agent);
    // 3. Let exprRef be ? Evaluation of AssignmentExpression.
    // 4. Let value be ? GetValue(exprRef).
    let value = evaluate_expression(agent, expr)?;
    // 5. Let iteratorRecord be ? GetIterator(value, generatorKind).
    let iterator_kind = if kind == GeneratorKind::Async {
        IteratorKind::Async
    } else {
        IteratorKind::Sync
    };
    let iterator_record = get_iterator_of_kind(agent, &value, iterator_kind)?;
    // 6. Let iterator be iteratorRecord.[[Iterator]].
    let iterator = Value::Object(iterator_record.iterator.clone());
    // 7. Let received be NormalCompletion(undefined).
    let mut received = Resumption::Normal(Value::Undefined);
    // 8. Repeat,
    loop {
        received = match received {
            // a. If received is a normal completion, then
            Resumption::Normal(received_value) => {
                // i. Let innerResult be ? Call(iteratorRecord.[[NextMethod]],
                //    iteratorRecord.[[Iterator]], « received.[[Value]] »).
                let inner_result = call(
                    agent,
                    &iterator_record.next_method,
                    &iterator,
                    &[received_value],
                )?;
                // ii. If generatorKind is async, set innerResult to ? Await(innerResult).
                // iii. If innerResult is not an Object, throw a TypeError exception.
                let inner_result = settle_inner_result(agent, kind, inner_result)?;
                // iv. Let done be ? IteratorComplete(innerResult).
                // v. If done is true, then 1. Return ? IteratorValue(innerResult).
                if iterator_complete(agent, &inner_result)? {
                    return iterator_value(agent, &inner_result);
                }
                // vi-vii. (yield the inner result)
                yield_inner_result(agent, kind, &inner_result)?
            }
            // b. Else if received is a throw completion, then
            Resumption::Throw(received_value) => {
                // i. Let throw be ? GetMethod(iterator, "throw").
                match get_method(agent, &iterator, &"throw".into())? {
                    // ii. If throw is not undefined, then
                    Some(throw) => {
                        // 1. Let innerResult be ? Call(throw, iterator, « received.[[Value]] »).
                        let inner_result = call(agent, &throw, &iterator, &[received_value])?;
                        // 2. If generatorKind is async, set innerResult to ? Await(innerResult).
                        // 3. NOTE: Exceptions from the inner iterator throw method are
                        //    propagated. Normal completions from an inner throw method are
                        //    processed similarly to an inner next.
                        // 4. If innerResult is not an Object, throw a TypeError exception.
                        let inner_result = settle_inner_result(agent, kind, inner_result)?;
                        // 5. Let done be ? IteratorComplete(innerResult).
                        // 6. If done is true, then a. Return ? IteratorValue(innerResult).
                        if iterator_complete(agent, &inner_result)? {
                            return iterator_value(agent, &inner_result);
                        }
                        // 7-8. (yield the inner result)
                        yield_inner_result(agent, kind, &inner_result)?
                    }
                    // iii. Else,
                    None => {
                        // 1. NOTE: If iterator does not have a throw method, this throw is
                        //    going to terminate the yield* loop. But first we need to give
                        //    iterator a chance to clean up.
                        // 2. Let closeCompletion be NormalCompletion(empty).
                        // 3. If generatorKind is async, perform ?
                        //    AsyncIteratorClose(iteratorRecord, closeCompletion).
                        // 4. Else, perform ? IteratorClose(iteratorRecord, closeCompletion).
                        if kind == GeneratorKind::Async {
                            async_iterator_close(agent, &iterator_record, Ok(()))?;
                        } else {
                            iterator_close(agent, &iterator_record, Ok(()))?;
                        }
                        // 5. NOTE: The next step throws a TypeError to indicate that there
                        //    was a yield* protocol violation: iterator does not have a throw
                        //    method.
                        // 6. Throw a TypeError exception.
                        return Err(agent
                            .type_error("the iterator yield* delegates to has no throw method"));
                    }
                }
            }
            // c. Else,
            Resumption::Return(received_value) => {
                // i. Assert: received is a return completion.
                // ii. Let return be ? GetMethod(iterator, "return").
                let Some(return_method) = get_method(agent, &iterator, &"return".into())? else {
                    // iii. If return is undefined, then
                    //    1. Set value to received.[[Value]].
                    //    2. If generatorKind is async, then a. Set value to ? Await(value).
                    let value = if kind == GeneratorKind::Async {
                        await_value(agent, received_value)?
                    } else {
                        received_value
                    };
                    //    3. Return ReturnCompletion(value).
                    return Err(return_signal(value));
                };
                // iv. Let innerReturnResult be ? Call(return, iterator, « received.[[Value]] »).
                let inner_return_result =
                    call(agent, &return_method, &iterator, &[received_value])?;
                // v. If generatorKind is async, set innerReturnResult to ?
                //    Await(innerReturnResult).
                // vi. If innerReturnResult is not an Object, throw a TypeError exception.
                let inner_return_result = settle_inner_result(agent, kind, inner_return_result)?;
                // vii. Let done be ? IteratorComplete(innerReturnResult).
                // viii. If done is true, then
                if iterator_complete(agent, &inner_return_result)? {
                    // 1. Set value to ? IteratorValue(innerReturnResult).
                    let value = iterator_value(agent, &inner_return_result)?;
                    // 2. If generatorKind is async, then a. Set value to ? Await(value).
                    let value = if kind == GeneratorKind::Async {
                        await_value(agent, value)?
                    } else {
                        value
                    };
                    // 3. Return ReturnCompletion(value).
                    return Err(return_signal(value));
                }
                // ix-x. (yield the inner result)
                yield_inner_result(agent, kind, &inner_return_result)?
            }
        };
    }
}
