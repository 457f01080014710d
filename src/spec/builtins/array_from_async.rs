//! Array.fromAsync ( asyncItems [ , mapper [ , thisArg ] ] ) — the Array.fromAsync
//! proposal (stage 4 for ECMAScript 2026, https://tc39.es/proposal-array-from-async/;
//! test262 feature `Array.fromAsync`). An async built-in: its steps are an Abstract
//! Closure run by AsyncFunctionStart on a body of its own, so that it can Await.

use super::helpers::define_method;
use crate::spec::agents::Agent;
use crate::spec::array_exotic_objects::array_create;
use crate::spec::async_from_sync_iterator_objects::create_async_from_sync_iterator;
use crate::spec::async_function_objects::async_block_start;
use crate::spec::await_operation::await_value;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::{Completion, JsResult};
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_iterator_objects::{
    async_iterator_close, get_iterator_from_method, iterator_complete, iterator_value,
    IteratorRecord,
};
use crate::spec::operations_on_objects::{
    call, construct, create_data_property_or_throw, get, get_method, index_key,
    length_of_array_like, set,
};
use crate::spec::promise_objects::new_promise_capability;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::testing_and_comparison::{is_callable, is_constructor};
use crate::spec::type_conversion::to_object;
use crate::spec::value::Value;

/// 2^53 - 1.
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// Defines Array.fromAsync on %Array%.
pub fn define_array_from_async(agent: &mut Agent, realm: &Realm) {
    let array = realm.intrinsic(Intrinsic::Array);
    define_method(agent, &array, "fromAsync", 1, from_async);
}

/// Array.fromAsync ( asyncItems [ , mapper [ , thisArg ] ] ).
fn from_async(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let async_items = call.arg(0);
    let mapper = call.arg(1);
    let this_arg = call.arg(2);
    // 1. Let C be the this value.
    let c = call.this.clone();
    // 2. Let promiseCapability be ! NewPromiseCapability(%Promise%).
    let promise_constructor = Value::Object(agent.intrinsic(Intrinsic::Promise));
    let promise_capability = new_promise_capability(agent, &promise_constructor)?;
    // 3. Let fromAsyncClosure be a new Abstract Closure with no parameters that captures
    //    C, mapper, and thisArg and performs the following steps when called: (see
    //    `from_async_closure`)
    let from_async_closure =
        move |agent: &mut Agent| from_async_closure(agent, c, async_items, mapper, this_arg);
    // 4. Perform AsyncFunctionStart(promiseCapability, fromAsyncClosure).
    //    (AsyncFunctionStart 1-3: asyncContext is a copy of the running execution
    //    context; 4: AsyncBlockStart(promiseCapability, fromAsyncClosure, asyncContext).)
    let async_context = agent.running_execution_context().clone();
    async_block_start(
        agent,
        promise_capability.clone(),
        async_context,
        from_async_closure,
    )?;
    // 5. Return promiseCapability.[[Promise]].
    Ok(Value::Object(promise_capability.promise))
}

/// A new array for the result: ? Construct(C, args) when C is a constructor, else
/// ArrayCreate(len).
fn construct_result(agent: &mut Agent, c: &Value, len: Option<u64>) -> JsResult<Object> {
    let args: Vec<Value> = len
        .map(|len| Value::Number(len as f64))
        .into_iter()
        .collect();
    match c {
        Value::Object(constructor) if is_constructor(c) => {
            construct(agent, constructor, &args, None)
        }
        _ => array_create(agent, len.unwrap_or(0), None),
    }
}

/// fromAsyncClosure (step 3): a return completion with the new array, or a throw
/// completion (which AsyncBlockStart turns into the rejection of the promise).
fn from_async_closure(
    agent: &mut Agent,
    c: Value,
    async_items: Value,
    mapper: Value,
    this_arg: Value,
) -> JsResult<Completion> {
    // a. If mapper is undefined, let mapping be false.
    // b. Else,
    //    i. If IsCallable(mapper) is false, throw a TypeError exception.
    //    ii. Let mapping be true.
    let mapping = if mapper.is_undefined() {
        false
    } else {
        if !is_callable(&mapper) {
            return Err(agent.type_error("Array.fromAsync: the mapper is not callable"));
        }
        true
    };
    // c. Let usingAsyncIterator be ? GetMethod(asyncItems, %Symbol.asyncIterator%).
    let async_iterator_key = PropertyKey::Symbol(agent.well_known.async_iterator.clone());
    let using_async_iterator = get_method(agent, &async_items, &async_iterator_key)?;
    // d. If usingAsyncIterator is undefined, then
    //    i. Let usingSyncIterator be ? GetMethod(asyncItems, %Symbol.iterator%).
    let using_sync_iterator = if using_async_iterator.is_none() {
        let iterator_key = PropertyKey::Symbol(agent.well_known.iterator.clone());
        get_method(agent, &async_items, &iterator_key)?
    } else {
        None
    };
    // e. Let iteratorRecord be undefined.
    // f. If usingAsyncIterator is not undefined, then
    //    i. Set iteratorRecord to ? GetIteratorFromMethod(asyncItems, usingAsyncIterator).
    // g. Else if usingSyncIterator is not undefined, then
    //    i. Set iteratorRecord to CreateAsyncFromSyncIterator(? GetIteratorFromMethod(
    //       asyncItems, usingSyncIterator)).
    let iterator_record = match (using_async_iterator, using_sync_iterator) {
        (Some(method), _) => Some(get_iterator_from_method(agent, &async_items, &method)?),
        (None, Some(method)) => {
            let sync_iterator_record = get_iterator_from_method(agent, &async_items, &method)?;
            Some(create_async_from_sync_iterator(agent, sync_iterator_record))
        }
        (None, None) => None,
    };
    // h. If iteratorRecord is not undefined, then
    if let Some(iterator_record) = iterator_record {
        return from_async_iterator(agent, &c, &iterator_record, mapping, &mapper, &this_arg);
    }
    // i. Else,
    //    i. NOTE: asyncItems is neither an AsyncIterable nor an Iterable so assume it is an
    //       array-like object.
    //    ii. Let arrayLike be ! ToObject(asyncItems).
    let array_like = to_object(agent, &async_items)?;
    //    iii. Let len be ? LengthOfArrayLike(arrayLike).
    let len = length_of_array_like(agent, &array_like)?;
    //    iv. If IsConstructor(C) is true, then
    //        1. Let A be ? Construct(C, « 𝔽(len) »).
    //    v. Else,
    //        1. Let A be ? ArrayCreate(len).
    let a = construct_result(agent, &c, Some(len))?;
    //    vi. Let k be 0.
    //    vii. Repeat, while k < len,
    for k in 0..len {
        // 1. Let Pk be ! ToString(𝔽(k)).
        let pk = index_key(k);
        // 2. Let kValue be ? Get(arrayLike, Pk).
        let k_value = get(agent, &array_like, &pk)?;
        // 3. Set kValue to ? Await(kValue).
        let k_value = await_value(agent, k_value)?;
        // 4. If mapping is true, then
        let mapped_value = if mapping {
            // a. Let mappedValue be ? Call(mapper, thisArg, « kValue, 𝔽(k) »).
            let mapped_value = call(
                agent,
                &mapper,
                &this_arg,
                &[k_value, Value::Number(k as f64)],
            )?;
            // b. Set mappedValue to ? Await(mappedValue).
            await_value(agent, mapped_value)?
        } else {
            // 5. Else, let mappedValue be kValue.
            k_value
        };
        // 6. Perform ? CreateDataPropertyOrThrow(A, Pk, mappedValue).
        create_data_property_or_throw(agent, &a, &pk, mapped_value)?;
        // 7. Set k to k + 1.
    }
    //    viii. Perform ? Set(A, "length", 𝔽(len), true).
    set(agent, &a, &"length".into(), Value::Number(len as f64), true)?;
    //    ix. Return ReturnCompletion(A).
    Ok(Completion::Return(Value::Object(a)))
}

/// fromAsyncClosure step h: the iterator branch.
fn from_async_iterator(
    agent: &mut Agent,
    c: &Value,
    iterator_record: &IteratorRecord,
    mapping: bool,
    mapper: &Value,
    this_arg: &Value,
) -> JsResult<Completion> {
    // i. If IsConstructor(C) is true, then
    //    1. Let A be ? Construct(C).
    // ii. Else,
    //    1. Let A be ! ArrayCreate(0).
    let a = construct_result(agent, c, None)?;
    // iii. Let k be 0.
    let mut k: u64 = 0;
    let iterator = Value::Object(iterator_record.iterator.clone());
    // iv. Repeat,
    loop {
        // 1. If k ≥ 2^53 - 1, then
        if k >= MAX_SAFE_INTEGER {
            // a. Let error be ThrowCompletion(a newly created TypeError object).
            let error = agent.type_error("Array.fromAsync: too many elements");
            // b. Return ? AsyncIteratorClose(iteratorRecord, error).
            return async_iterator_close(agent, iterator_record, Err(error));
        }
        // 2. Let Pk be ! ToString(𝔽(k)).
        let pk = index_key(k);
        // 3. Let nextResult be ? Call(iteratorRecord.[[NextMethod]],
        //    iteratorRecord.[[Iterator]]).
        let next_result = call(agent, &iterator_record.next_method, &iterator, &[])?;
        // 4. Set nextResult to ? Await(nextResult).
        let next_result = await_value(agent, next_result)?;
        // 5. If nextResult is not an Object, throw a TypeError exception.
        let Value::Object(next_result) = next_result else {
            return Err(agent.type_error("Array.fromAsync: the iterator result is not an object"));
        };
        // 6. Let done be ? IteratorComplete(nextResult).
        // 7. If done is true, then
        if iterator_complete(agent, &next_result)? {
            // a. Perform ? Set(A, "length", 𝔽(k), true).
            set(agent, &a, &"length".into(), Value::Number(k as f64), true)?;
            // b. Return ReturnCompletion(A).
            return Ok(Completion::Return(Value::Object(a)));
        }
        // 8. Let nextValue be ? IteratorValue(nextResult).
        let next_value = iterator_value(agent, &next_result)?;
        // 9. If mapping is true, then
        let mapped_value = if mapping {
            // a. Let mappedValue be Completion(Call(mapper, thisArg, « nextValue, 𝔽(k) »)).
            // b. IfAbruptCloseAsyncIterator(mappedValue, iteratorRecord).
            // c. Set mappedValue to Completion(Await(mappedValue)).
            // d. IfAbruptCloseAsyncIterator(mappedValue, iteratorRecord).
            let mapped_value = call(
                agent,
                mapper,
                this_arg,
                &[next_value, Value::Number(k as f64)],
            )
            .and_then(|mapped_value| await_value(agent, mapped_value));
            match mapped_value {
                Ok(mapped_value) => mapped_value,
                Err(error) => return async_iterator_close(agent, iterator_record, Err(error)),
            }
        } else {
            // 10. Else, let mappedValue be nextValue.
            next_value
        };
        // 11. Let defineStatus be Completion(CreateDataPropertyOrThrow(A, Pk, mappedValue)).
        // 12. If defineStatus is an abrupt completion, return ? AsyncIteratorClose(
        //     iteratorRecord, defineStatus).
        if let Err(error) = create_data_property_or_throw(agent, &a, &pk, mapped_value) {
            return async_iterator_close(agent, iterator_record, Err(error));
        }
        // 13. Set k to k + 1.
        k += 1;
    }
}
