//! 27.1.6.2 The %AsyncFromSyncIteratorPrototype% Object
//! (sec-%asyncfromsynciteratorprototype%-object): `next`, `return` and `throw`. The
//! abstract operations are in spec/async_from_sync_iterator_objects.rs.

use super::helpers::define_method;
use crate::spec::agents::Agent;
use crate::spec::async_from_sync_iterator_objects::{
    async_from_sync_iterator_continuation, set_sync_iterator_record_done, sync_iterator_record_of,
};
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::operations_on_iterator_objects::{
    create_iterator_result_object, iterator_close, iterator_next, IteratorRecord,
};
use crate::spec::operations_on_objects::{call as call_function, get_method};
use crate::spec::ordinary_object_internal_methods::ordinary_object_create;
use crate::spec::promise_objects::{
    if_abrupt_reject_promise, new_promise_capability, promise_capability_call_reject,
    promise_capability_call_resolve, PromiseCapability,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::value::Value;

/// Creates %AsyncFromSyncIteratorPrototype% (27.1.6.2): an ordinary object whose
/// [[Prototype]] is %AsyncIteratorPrototype%, with `next`, `return` and `throw`.
pub fn create_async_from_sync_iterator_prototype(agent: &mut Agent, realm: &Realm) {
    let prototype =
        ordinary_object_create(Some(realm.intrinsic(Intrinsic::AsyncIteratorPrototype)));
    realm.set_intrinsic(Intrinsic::AsyncFromSyncIteratorPrototype, prototype.clone());
    // The methods take an optional parameter: their "length" is 0.
    define_method(agent, &prototype, "next", 0, next);
    define_method(agent, &prototype, "return", 0, async_from_sync_return);
    define_method(agent, &prototype, "throw", 0, throw);
}

/// Steps 1-4 shared by the three methods: O, ! NewPromiseCapability(%Promise%) and
/// O.[[SyncIteratorRecord]].
fn method_prologue(
    agent: &mut Agent,
    call: &BuiltinCall,
) -> JsResult<(PromiseCapability, IteratorRecord)> {
    // 1. Let O be the this value.
    // 2. Assert: O is an Object that has a [[SyncIteratorRecord]] internal slot.
    // 3. Let promiseCapability be ! NewPromiseCapability(%Promise%).
    let promise_constructor = Value::Object(agent.intrinsic(Intrinsic::Promise));
    let promise_capability = new_promise_capability(agent, &promise_constructor)?;
    // 4. Let syncIteratorRecord be O.[[SyncIteratorRecord]].
    let Some(sync_iterator_record) = sync_iterator_record_of(call.this) else {
        // (Not reachable: no code can get hold of an Async-from-Sync Iterator object.)
        return Err(agent.type_error("not an Async-from-Sync Iterator object"));
    };
    Ok((promise_capability, sync_iterator_record))
}

/// The arguments a call passes on: « value » when value is present, else « ».
fn present_value(call: &BuiltinCall) -> Vec<Value> {
    call.args.first().cloned().into_iter().collect()
}

/// %AsyncFromSyncIteratorPrototype%.next ( [ value ] ) (27.1.6.2.1).
fn next(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1-4.
    let (promise_capability, mut sync_iterator_record) = method_prologue(agent, call)?;
    // 5. If value is present, then
    //    a. Let result be Completion(IteratorNext(syncIteratorRecord, value)).
    // 6. Else,
    //    a. Let result be Completion(IteratorNext(syncIteratorRecord)).
    let result = iterator_next(agent, &mut sync_iterator_record, call.args.first().cloned());
    set_sync_iterator_record_done(call.this, sync_iterator_record.done);
    // 7. IfAbruptRejectPromise(result, promiseCapability).
    let result = if_abrupt_reject_promise!(agent, result, promise_capability);
    // 8. Return AsyncFromSyncIteratorContinuation(result, promiseCapability,
    //    syncIteratorRecord, true).
    async_from_sync_iterator_continuation(
        agent,
        &result,
        promise_capability,
        &sync_iterator_record,
        true,
    )
}

/// %AsyncFromSyncIteratorPrototype%.return ( [ value ] ) (27.1.6.2.2).
fn async_from_sync_return(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1-4.
    let (promise_capability, sync_iterator_record) = method_prologue(agent, call)?;
    // 5. Let syncIterator be syncIteratorRecord.[[Iterator]].
    let sync_iterator = Value::Object(sync_iterator_record.iterator.clone());
    // 6. Let return be Completion(GetMethod(syncIterator, "return")).
    let return_method = get_method(agent, &sync_iterator, &"return".into());
    // 7. IfAbruptRejectPromise(return, promiseCapability).
    let return_method = if_abrupt_reject_promise!(agent, return_method, promise_capability);
    // 8. If return is undefined, then
    let Some(return_method) = return_method else {
        // a. Let iteratorResult be CreateIteratorResultObject(value, true).
        let iterator_result = create_iterator_result_object(agent, call.arg(0), true);
        // b. Perform ! Call(promiseCapability.[[Resolve]], undefined, « iteratorResult »).
        promise_capability_call_resolve(
            agent,
            &promise_capability,
            Value::Object(iterator_result),
        )?;
        // c. Return promiseCapability.[[Promise]].
        return Ok(Value::Object(promise_capability.promise));
    };
    // 9. If value is present, then
    //    a. Let result be Completion(Call(return, syncIterator, « value »)).
    // 10. Else,
    //     a. Let result be Completion(Call(return, syncIterator)).
    let result = call_function(agent, &return_method, &sync_iterator, &present_value(call));
    // 11. IfAbruptRejectPromise(result, promiseCapability).
    let result = if_abrupt_reject_promise!(agent, result, promise_capability);
    // 12. If result is not an Object, then
    let Value::Object(result) = result else {
        // a. Perform ! Call(promiseCapability.[[Reject]], undefined, « a newly created
        //    TypeError object »).
        let error = agent.type_error("the iterator's return() result is not an object");
        promise_capability_call_reject(agent, &promise_capability, error)?;
        // b. Return promiseCapability.[[Promise]].
        return Ok(Value::Object(promise_capability.promise));
    };
    // 13. Return AsyncFromSyncIteratorContinuation(result, promiseCapability,
    //     syncIteratorRecord, false).
    async_from_sync_iterator_continuation(
        agent,
        &result,
        promise_capability,
        &sync_iterator_record,
        false,
    )
}

/// %AsyncFromSyncIteratorPrototype%.throw ( [ value ] ) (27.1.6.2.3).
fn throw(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1-4.
    let (promise_capability, sync_iterator_record) = method_prologue(agent, call)?;
    // 5. Let syncIterator be syncIteratorRecord.[[Iterator]].
    let sync_iterator = Value::Object(sync_iterator_record.iterator.clone());
    // 6. Let throw be Completion(GetMethod(syncIterator, "throw")).
    let throw_method = get_method(agent, &sync_iterator, &"throw".into());
    // 7. IfAbruptRejectPromise(throw, promiseCapability).
    let throw_method = if_abrupt_reject_promise!(agent, throw_method, promise_capability);
    // 8. If throw is undefined, then
    let Some(throw_method) = throw_method else {
        // a. NOTE: If syncIterator does not have a throw method, close it to give it a
        //    chance to clean up before we reject the capability.
        // b. Let closeCompletion be NormalCompletion(empty).
        // c. Let result be Completion(IteratorClose(syncIteratorRecord, closeCompletion)).
        let result = iterator_close(agent, &sync_iterator_record, Ok(()));
        // d. IfAbruptRejectPromise(result, promiseCapability).
        if_abrupt_reject_promise!(agent, result, promise_capability);
        // e. NOTE: The next step throws a TypeError to indicate that there was a protocol
        //    violation: syncIterator does not have a throw method.
        // f. NOTE: If closing syncIterator does not throw then the result of that
        //    operation is ignored, even if it yields a rejected promise.
        // g. Perform ! Call(promiseCapability.[[Reject]], undefined, « a newly created
        //    TypeError object »).
        let error = agent.type_error("the iterator has no throw method");
        promise_capability_call_reject(agent, &promise_capability, error)?;
        // h. Return promiseCapability.[[Promise]].
        return Ok(Value::Object(promise_capability.promise));
    };
    // 9. If value is present, then
    //    a. Let result be Completion(Call(throw, syncIterator, « value »)).
    // 10. Else,
    //     a. Let result be Completion(Call(throw, syncIterator)).
    let result = call_function(agent, &throw_method, &sync_iterator, &present_value(call));
    // 11. IfAbruptRejectPromise(result, promiseCapability).
    let result = if_abrupt_reject_promise!(agent, result, promise_capability);
    // 12. If result is not an Object, then
    let Value::Object(result) = result else {
        // a. Perform ! Call(promiseCapability.[[Reject]], undefined, « a newly created
        //    TypeError object »).
        let error = agent.type_error("the iterator's throw() result is not an object");
        promise_capability_call_reject(agent, &promise_capability, error)?;
        // b. Return promiseCapability.[[Promise]].
        return Ok(Value::Object(promise_capability.promise));
    };
    // 13. Return AsyncFromSyncIteratorContinuation(result, promiseCapability,
    //     syncIteratorRecord, true).
    async_from_sync_iterator_continuation(
        agent,
        &result,
        promise_capability,
        &sync_iterator_record,
        true,
    )
}
