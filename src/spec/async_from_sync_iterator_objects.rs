//! 27.1.6 Async-from-Sync Iterator Objects (sec-async-from-sync-iterator-objects):
//! CreateAsyncFromSyncIterator (27.1.6.1), the instances' [[SyncIteratorRecord]]
//! (27.1.6.3) and AsyncFromSyncIteratorContinuation (27.1.6.4).
//! %AsyncFromSyncIteratorPrototype%'s methods are in
//! builtins/async_from_sync_iterator_prototype.rs.

use super::agents::Agent;
use super::builtin_function_objects::{builtin_closure, BuiltinCall};
use super::completion_record::JsResult;
use super::object_kinds::ObjectKind;
use super::object_type::Object;
use super::operations_on_iterator_objects::{
    create_iterator_result_object, iterator_close, iterator_complete, iterator_value,
    IteratorRecord,
};
use super::operations_on_objects::get;
use super::ordinary_object_internal_methods::ordinary_object_create_with;
use super::promise_objects::{
    if_abrupt_reject_promise, perform_promise_then, promise_resolve, PromiseCapability,
};
use super::realms::Intrinsic;
use super::value::Value;
use boa_gc::{custom_trace, Finalize, Trace};

/// [[SyncIteratorRecord]] of an Async-from-Sync Iterator instance (27.1.6.3).
#[derive(Finalize)]
pub struct SyncIteratorRecordSlot(pub IteratorRecord);

// SAFETY: the record's iterator and next method are traced; [[Done]] is a boolean.
unsafe impl Trace for SyncIteratorRecordSlot {
    custom_trace!(this, mark, {
        mark(&this.0.iterator);
        mark(&this.0.next_method);
    });
}

/// CreateAsyncFromSyncIterator ( syncIteratorRecord ) (27.1.6.1).
pub fn create_async_from_sync_iterator(
    agent: &mut Agent,
    sync_iterator_record: IteratorRecord,
) -> IteratorRecord {
    // 1. Let asyncIterator be OrdinaryObjectCreate(%AsyncFromSyncIteratorPrototype%,
    //    « [[SyncIteratorRecord]] »).
    crate::step!("sec-createasyncfromsynciterator", "1");
    // 2. Set asyncIterator.[[SyncIteratorRecord]] to syncIteratorRecord.
    crate::step!("sec-createasyncfromsynciterator", "2");
    let async_iterator = ordinary_object_create_with(
        Some(agent.intrinsic(Intrinsic::AsyncFromSyncIteratorPrototype)),
        ObjectKind::AsyncFromSyncIterator(Box::new(SyncIteratorRecordSlot(sync_iterator_record))),
    );
    // 3. Let nextMethod be ! Get(asyncIterator, "next").
    crate::step!("sec-createasyncfromsynciterator", "3");
    let next_method = get(agent, &async_iterator, &"next".into()).unwrap_or_default();
    // 4. Let iteratorRecord be the Iterator Record { [[Iterator]]: asyncIterator,
    //    [[NextMethod]]: nextMethod, [[Done]]: false }.
    crate::step!("sec-createasyncfromsynciterator", "4");
    // 5. Return iteratorRecord.
    crate::step!("sec-createasyncfromsynciterator", "5");
    IteratorRecord {
        iterator: async_iterator,
        next_method,
        done: false,
    }
}

/// O.[[SyncIteratorRecord]], or `None` when O has no such slot.
pub fn sync_iterator_record_of(o: &Value) -> Option<IteratorRecord> {
    match o {
        Value::Object(o) => match &o.data().kind {
            ObjectKind::AsyncFromSyncIterator(slot) => Some(slot.0.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// Sets O.[[SyncIteratorRecord]].[[Done]] (IteratorNext updates the Record in place).
pub fn set_sync_iterator_record_done(o: &Value, done: bool) {
    if let Value::Object(o) = o {
        if let ObjectKind::AsyncFromSyncIterator(slot) = &mut o.data_mut().kind {
            slot.0.done = done;
        }
    }
}

/// AsyncFromSyncIteratorContinuation ( result, promiseCapability, syncIteratorRecord,
/// closeOnRejection ) (27.1.6.4).
pub fn async_from_sync_iterator_continuation(
    agent: &mut Agent,
    result: &Object,
    promise_capability: PromiseCapability,
    sync_iterator_record: &IteratorRecord,
    close_on_rejection: bool,
) -> JsResult<Value> {
    // 1. NOTE: Because promiseCapability is derived from the intrinsic %Promise%, the calls
    //    to promiseCapability.[[Reject]] entailed by the use IfAbruptRejectPromise below are
    //    guaranteed not to throw.
    // 2. Let done be Completion(IteratorComplete(result)).
    let done = iterator_complete(agent, result);
    // 3. IfAbruptRejectPromise(done, promiseCapability).
    let done = if_abrupt_reject_promise!(agent, done, promise_capability);
    // 4. Let value be Completion(IteratorValue(result)).
    let value = iterator_value(agent, result);
    // 5. IfAbruptRejectPromise(value, promiseCapability).
    let value = if_abrupt_reject_promise!(agent, value, promise_capability);
    // 6. Let valueWrapper be Completion(PromiseResolve(%Promise%, value)).
    let promise_constructor = agent.intrinsic(Intrinsic::Promise);
    let mut value_wrapper = promise_resolve(agent, &promise_constructor, value);
    // 7. If valueWrapper is an abrupt completion, done is false, and closeOnRejection is
    //    true, then
    if value_wrapper.is_err() && !done && close_on_rejection {
        // a. Set valueWrapper to Completion(IteratorClose(syncIteratorRecord,
        //    valueWrapper)).
        value_wrapper = iterator_close(agent, sync_iterator_record, value_wrapper);
    }
    // 8. IfAbruptRejectPromise(valueWrapper, promiseCapability).
    let value_wrapper = if_abrupt_reject_promise!(agent, value_wrapper, promise_capability);
    // 9. Let unwrap be a new Abstract Closure with parameters (v) that captures done and
    //    performs the following steps when called: (see `unwrap`)
    // 10. Let onFulfilled be CreateBuiltinFunction(unwrap, 1, "", « »).
    let on_fulfilled = builtin_closure(agent, unwrap, 1.0, done);
    // 11. NOTE: onFulfilled is used when processing the "value" property of an
    //     IteratorResult object in order to wait for its value if it is a promise and
    //     re-package the result in a new "unwrapped" IteratorResult object.
    // 12. If done is true, or if closeOnRejection is false, then
    //     a. Let onRejected be undefined.
    let on_rejected = if done || !close_on_rejection {
        Value::Undefined
    } else {
        // 13. Else,
        //     a. Let closeIterator be a new Abstract Closure with parameters (error) that
        //        captures syncIteratorRecord and performs the following steps when
        //        called: (see `close_iterator`)
        //     b. Let onRejected be CreateBuiltinFunction(closeIterator, 1, "", « »).
        //     c. NOTE: onRejected is used to close the Iterator when the "value" property
        //        of an IteratorResult object it yields is a rejected promise.
        Value::Object(builtin_closure(
            agent,
            close_iterator,
            1.0,
            sync_iterator_record.clone(),
        ))
    };
    // 14. Perform PerformPromiseThen(valueWrapper, onFulfilled, onRejected,
    //     promiseCapability).
    perform_promise_then(
        agent,
        &value_wrapper,
        Value::Object(on_fulfilled),
        on_rejected,
        Some(promise_capability.clone()),
    );
    // 15. Return promiseCapability.[[Promise]].
    Ok(Value::Object(promise_capability.promise))
}

/// unwrap (AsyncFromSyncIteratorContinuation step 9).
fn unwrap(agent: &mut Agent, call: &BuiltinCall, done: &bool) -> JsResult<Value> {
    // a. Return CreateIteratorResultObject(v, done).
    Ok(Value::Object(create_iterator_result_object(
        agent,
        call.arg(0),
        *done,
    )))
}

/// closeIterator (AsyncFromSyncIteratorContinuation step 13.a).
fn close_iterator(
    agent: &mut Agent,
    call: &BuiltinCall,
    sync_iterator_record: &IteratorRecord,
) -> JsResult<Value> {
    // i. Return ? IteratorClose(syncIteratorRecord, ThrowCompletion(error)).
    iterator_close(agent, sync_iterator_record, Err(call.arg(0)))
}
