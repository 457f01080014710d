//! 7.4 Operations on Iterator Objects (sec-operations-on-iterator-objects).

use super::agents::Agent;
use super::completion_record::JsResult;
use super::object_type::{Object, PropertyKey};
use super::operations_on_objects::{call, create_data_property_or_throw, get, get_method};
use super::type_conversion::to_boolean;
use super::value::Value;
use boa_gc::{Finalize, Trace};

/// An Iterator Record (7.4.1, Table 15).
#[derive(Clone, Debug, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct IteratorRecord {
    /// [[Iterator]].
    pub iterator: Object,
    /// [[NextMethod]].
    pub next_method: Value,
    /// [[Done]].
    pub done: bool,
}

/// GetIteratorFromMethod ( obj, method ) (7.4.3).
pub fn get_iterator_from_method(
    agent: &mut Agent,
    obj: &Value,
    method: &Value,
) -> JsResult<IteratorRecord> {
    // 1. Let iterator be ? Call(method, obj).
    let iterator = call(agent, method, obj, &[])?;
    // 2. If iterator is not an Object, throw a TypeError exception.
    let Value::Object(iterator) = iterator else {
        return Err(agent.type_error("the iterator method returned a non-object"));
    };
    // 3. Let nextMethod be ? Get(iterator, "next").
    let next_method = get(agent, &iterator, &"next".into())?;
    // 4. Let iteratorRecord be the Iterator Record { [[Iterator]]: iterator,
    //    [[NextMethod]]: nextMethod, [[Done]]: false }.
    // 5. Return iteratorRecord.
    Ok(IteratorRecord {
        iterator,
        next_method,
        done: false,
    })
}

/// The kind argument of GetIterator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IteratorKind {
    Sync,
    Async,
}

/// GetIterator ( obj, kind ) (7.4.4).
pub fn get_iterator_of_kind(
    agent: &mut Agent,
    obj: &Value,
    kind: IteratorKind,
) -> JsResult<IteratorRecord> {
    if kind == IteratorKind::Sync {
        return get_iterator(agent, obj);
    }
    // 1. If kind is async, then
    //    a. Let method be ? GetMethod(obj, %Symbol.asyncIterator%).
    let key = PropertyKey::Symbol(agent.well_known.async_iterator.clone());
    match get_method(agent, obj, &key)? {
        // 3. If method is undefined, throw a TypeError exception. (not reached for async)
        // 4. Return ? GetIteratorFromMethod(obj, method).
        Some(method) => get_iterator_from_method(agent, obj, &method),
        //    b. If method is undefined, then
        None => {
            //   i. Let syncMethod be ? GetMethod(obj, %Symbol.iterator%).
            let key = PropertyKey::Symbol(agent.well_known.iterator.clone());
            //   ii. If syncMethod is undefined, throw a TypeError exception.
            let Some(sync_method) = get_method(agent, obj, &key)? else {
                return Err(agent.type_error(&format!("{} is not async iterable", obj.type_name())));
            };
            //   iii. Let syncIteratorRecord be ? GetIteratorFromMethod(obj, syncMethod).
            let sync_iterator_record = get_iterator_from_method(agent, obj, &sync_method)?;
            //   iv. Return CreateAsyncFromSyncIterator(syncIteratorRecord).
            Ok(
                crate::spec::async_from_sync_iterator_objects::create_async_from_sync_iterator(
                    agent,
                    sync_iterator_record,
                ),
            )
        }
    }
}

/// GetIterator ( obj, kind ) (7.4.4) with kind sync.
pub fn get_iterator(agent: &mut Agent, obj: &Value) -> JsResult<IteratorRecord> {
    // 1. If kind is async, then ... 2. Else,
    //    a. Let method be ? GetMethod(obj, %Symbol.iterator%).
    let key = PropertyKey::Symbol(agent.well_known.iterator.clone());
    let method = get_method(agent, obj, &key)?;
    // 3. If method is undefined, throw a TypeError exception.
    let Some(method) = method else {
        return Err(agent.type_error(&format!("{} is not iterable", obj.type_name())));
    };
    // 4. Return ? GetIteratorFromMethod(obj, method).
    get_iterator_from_method(agent, obj, &method)
}

/// IteratorNext ( iteratorRecord [ , value ] ) (7.4.6).
pub fn iterator_next(
    agent: &mut Agent,
    record: &mut IteratorRecord,
    value: Option<Value>,
) -> JsResult<Object> {
    // 1. If value is not present, then
    //    a. Let result be Completion(Call(iteratorRecord.[[NextMethod]],
    //       iteratorRecord.[[Iterator]])).
    // 2. Else, a. Let result be Completion(Call(iteratorRecord.[[NextMethod]],
    //    iteratorRecord.[[Iterator]], « value »)).
    let args: Vec<Value> = value.into_iter().collect();
    let result = call(
        agent,
        &record.next_method,
        &Value::Object(record.iterator.clone()),
        &args,
    );
    // 3. If result is a throw completion, then
    //    a. Set iteratorRecord.[[Done]] to true. b. Return ? result.
    let result = match result {
        Ok(r) => r,
        Err(e) => {
            record.done = true;
            return Err(e);
        }
    };
    // 4. Set result to ! result.
    // 5. If result is not an Object, then
    //    a. Set iteratorRecord.[[Done]] to true. b. Throw a TypeError exception.
    match result {
        Value::Object(o) => Ok(o),
        _ => {
            record.done = true;
            Err(agent.type_error("iterator result is not an object"))
        }
    }
    // 6. Return result.
}

/// IteratorComplete ( iteratorResult ) (7.4.7).
pub fn iterator_complete(agent: &mut Agent, iter_result: &Object) -> JsResult<bool> {
    // 1. Return ToBoolean(? Get(iteratorResult, "done")).
    Ok(to_boolean(&get(agent, iter_result, &"done".into())?))
}

/// IteratorValue ( iteratorResult ) (7.4.8).
pub fn iterator_value(agent: &mut Agent, iter_result: &Object) -> JsResult<Value> {
    // 1. Return ? Get(iteratorResult, "value").
    get(agent, iter_result, &"value".into())
}

/// IteratorStep ( iteratorRecord ) (7.4.9): `None` is ~done~.
pub fn iterator_step(agent: &mut Agent, record: &mut IteratorRecord) -> JsResult<Option<Object>> {
    // 1. Let result be ? IteratorNext(iteratorRecord).
    let result = iterator_next(agent, record, None)?;
    // 2. Let done be Completion(IteratorComplete(result)).
    // 3. If done is a throw completion, then
    //    a. Set iteratorRecord.[[Done]] to true. b. Return ? done.
    let done = match iterator_complete(agent, &result) {
        Ok(d) => d,
        Err(e) => {
            record.done = true;
            return Err(e);
        }
    };
    // 4. Set done to ! done.
    // 5. If done is true, then
    //    a. Set iteratorRecord.[[Done]] to true. b. Return ~done~.
    if done {
        record.done = true;
        return Ok(None);
    }
    // 6. Return result.
    Ok(Some(result))
}

/// IteratorStepValue ( iteratorRecord ) (7.4.10): `None` is ~done~.
pub fn iterator_step_value(
    agent: &mut Agent,
    record: &mut IteratorRecord,
) -> JsResult<Option<Value>> {
    // 1. Let result be ? IteratorStep(iteratorRecord).
    // 2. If result is ~done~, then a. Return ~done~.
    let Some(result) = iterator_step(agent, record)? else {
        return Ok(None);
    };
    // 3. Let value be Completion(IteratorValue(result)).
    // 4. If value is a throw completion, then
    //    a. Set iteratorRecord.[[Done]] to true.
    // 5. Return ? value.
    match iterator_value(agent, &result) {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            record.done = true;
            Err(e)
        }
    }
}

/// IteratorClose ( iteratorRecord, completion ) (7.4.11), for a completion `T` that is
/// normal (`Ok`), a throw (`Err`), or a return completion travelling as a return signal
/// out of a `yield` (interp/generators.rs), which is treated as the non-throw completion
/// it is.
pub fn iterator_close<T>(
    agent: &mut Agent,
    record: &IteratorRecord,
    completion: JsResult<T>,
) -> JsResult<T> {
    // 1. Assert: iteratorRecord.[[Iterator]] is an Object.
    // 2. Let iterator be iteratorRecord.[[Iterator]].
    let iterator = Value::Object(record.iterator.clone());
    // 3. Let innerResult be Completion(GetMethod(iterator, "return")).
    let inner_result = match get_method(agent, &iterator, &"return".into()) {
        // 4. If innerResult is a normal completion, then
        Ok(return_method) => match return_method {
            // a. Let return be innerResult.[[Value]].
            // b. If return is undefined, return ? completion.
            None => return completion,
            // c. Set innerResult to Completion(Call(return, iterator)).
            Some(return_method) => call(agent, &return_method, &iterator, &[]),
        },
        Err(e) => Err(e),
    };
    // 5. If completion is a throw completion, return ? completion.
    if let Err(e) = &completion {
        if !crate::spec::completion_record::is_return_signal(e) {
            return completion;
        }
    }
    // 6. If innerResult is a throw completion, return ? innerResult.
    let inner_result = inner_result?;
    // 7. If innerResult.[[Value]] is not an Object, throw a TypeError exception.
    if !inner_result.is_object() {
        return Err(agent.type_error("iterator return() result is not an object"));
    }
    // 8. Return ? completion.
    completion
}

/// AsyncIteratorClose ( iteratorRecord, completion ) (7.4.13).
pub fn async_iterator_close<T>(
    agent: &mut Agent,
    record: &IteratorRecord,
    completion: JsResult<T>,
) -> JsResult<T> {
    // 1. Assert: iteratorRecord.[[Iterator]] is an Object.
    // 2. Let iterator be iteratorRecord.[[Iterator]].
    let iterator = Value::Object(record.iterator.clone());
    // 3. Let innerResult be Completion(GetMethod(iterator, "return")).
    let inner_result = match get_method(agent, &iterator, &"return".into()) {
        // 4. If innerResult is a normal completion, then
        Ok(return_method) => match return_method {
            // a. Let return be innerResult.[[Value]].
            // b. If return is undefined, return ? completion.
            None => return completion,
            // c. Set innerResult to Completion(Call(return, iterator)).
            // d. If innerResult is a normal completion, set innerResult to
            //    Completion(Await(innerResult.[[Value]])).
            Some(return_method) => call(agent, &return_method, &iterator, &[])
                .and_then(|v| crate::spec::await_operation::await_value(agent, v)),
        },
        Err(e) => Err(e),
    };
    // 5. If completion is a throw completion, return ? completion.
    if let Err(e) = &completion {
        if !crate::spec::completion_record::is_return_signal(e) {
            return completion;
        }
    }
    // 6. If innerResult is a throw completion, return ? innerResult.
    let inner_result = inner_result?;
    // 7. If innerResult.[[Value]] is not an Object, throw a TypeError exception.
    if !inner_result.is_object() {
        return Err(agent.type_error("iterator return() result is not an object"));
    }
    // 8. Return ? completion.
    completion
}

/// CreateIteratorResultObject ( value, done ) (7.4.17).
pub fn create_iterator_result_object(agent: &mut Agent, value: Value, done: bool) -> Object {
    // 1. Let obj be OrdinaryObjectCreate(%Object.prototype%).
    let obj = agent.ordinary_object();
    // 2. Perform ! CreateDataPropertyOrThrow(obj, "value", value).
    // 3. Perform ! CreateDataPropertyOrThrow(obj, "done", done).
    let _ = create_data_property_or_throw(agent, &obj, &"value".into(), value);
    let _ = create_data_property_or_throw(agent, &obj, &"done".into(), Value::Boolean(done));
    // 4. Return obj.
    obj
}

/// IteratorToList ( iteratorRecord ) (7.4.19).
pub fn iterator_to_list(agent: &mut Agent, record: &mut IteratorRecord) -> JsResult<Vec<Value>> {
    // 1. Let values be a new empty List.
    let mut values = Vec::new();
    // 2. Repeat,
    //    a. Let next be ? IteratorStepValue(iteratorRecord).
    //    b. If next is ~done~, then i. Return values.
    //    c. Append next to values.
    while let Some(next) = iterator_step_value(agent, record)? {
        values.push(next);
    }
    Ok(values)
}
