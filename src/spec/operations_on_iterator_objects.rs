//! 7.4 Operations on Iterator Objects (sec-operations-on-iterator-objects).

use super::agents::Agent;
use super::completion_record::JsResult;
use super::object_kinds::ObjectKind;
use super::object_type::{Object, Property, PropertyKey};
use super::operations_on_objects::{call, create_data_property_or_throw, get, get_method};
use super::ordinary_object_internal_methods::ORDINARY_METHODS;
use super::realms::Intrinsic;
use super::type_conversion::to_boolean;
use super::value::Value;
use crate::{spec_assert, step};
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

/// GetIteratorDirect ( obj ) (7.4.2).
pub fn get_iterator_direct(agent: &mut Agent, obj: &Object) -> JsResult<IteratorRecord> {
    // 1. Let nextMethod be ? Get(obj, "next").
    step!("sec-getiteratordirect", "1");
    let next_method = get(agent, obj, &"next".into())?;
    // 2. Let iteratorRecord be the Iterator Record { [[Iterator]]: obj, [[NextMethod]]:
    //    nextMethod, [[Done]]: false }.
    step!("sec-getiteratordirect", "2");
    let iterator_record = IteratorRecord {
        iterator: obj.clone(),
        next_method,
        done: false,
    };
    // 3. Return iteratorRecord.
    step!("sec-getiteratordirect", "3");
    Ok(iterator_record)
}

/// GetIteratorFromMethod ( obj, method ) (7.4.3).
pub fn get_iterator_from_method(
    agent: &mut Agent,
    obj: &Value,
    method: &Value,
) -> JsResult<IteratorRecord> {
    // 1. Let iterator be ? Call(method, obj).
    step!("sec-getiteratorfrommethod", "1");
    let iterator = call(agent, method, obj, &[])?;
    // 2. If iterator is not an Object, throw a TypeError exception.
    step!("sec-getiteratorfrommethod", "2");
    let Value::Object(iterator) = iterator else {
        return Err(agent.type_error("the iterator method returned a non-object"));
    };
    // 3. Return ? GetIteratorDirect(iterator).
    step!("sec-getiteratorfrommethod", "3");
    get_iterator_direct(agent, &iterator)
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
    // 1. If kind is async, then
    step!("sec-getiterator", "1");
    let method = if kind == IteratorKind::Async {
        // a. Let method be ? GetMethod(obj, %Symbol.asyncIterator%).
        step!("sec-getiterator", "1.a");
        let key = PropertyKey::Symbol(agent.well_known.async_iterator.clone());
        let method = get_method(agent, obj, &key)?;
        // b. If method is undefined, then
        step!("sec-getiterator", "1.b");
        if method.is_none() {
            // i. Let syncMethod be ? GetMethod(obj, %Symbol.iterator%).
            step!("sec-getiterator", "1.b.i");
            let key = PropertyKey::Symbol(agent.well_known.iterator.clone());
            let sync_method = get_method(agent, obj, &key)?;
            // ii. If syncMethod is undefined, throw a TypeError exception.
            step!("sec-getiterator", "1.b.ii");
            let Some(sync_method) = sync_method else {
                return Err(agent.type_error(&format!("{} is not async iterable", obj.type_name())));
            };
            // iii. Let syncIteratorRecord be ? GetIteratorFromMethod(obj, syncMethod).
            step!("sec-getiterator", "1.b.iii");
            let sync_iterator_record = get_iterator_from_method(agent, obj, &sync_method)?;
            // iv. Return CreateAsyncFromSyncIterator(syncIteratorRecord).
            step!("sec-getiterator", "1.b.iv");
            return Ok(
                crate::spec::async_from_sync_iterator_objects::create_async_from_sync_iterator(
                    agent,
                    sync_iterator_record,
                ),
            );
        }
        method
    } else {
        // 2. Else,
        step!("sec-getiterator", "2");
        // a. Let method be ? GetMethod(obj, %Symbol.iterator%).
        step!("sec-getiterator", "2.a");
        let key = PropertyKey::Symbol(agent.well_known.iterator.clone());
        get_method(agent, obj, &key)?
    };
    // 3. If method is undefined, throw a TypeError exception.
    step!("sec-getiterator", "3");
    let Some(method) = method else {
        return Err(agent.type_error(&format!("{} is not iterable", obj.type_name())));
    };
    // 4. Return ? GetIteratorFromMethod(obj, method).
    step!("sec-getiterator", "4");
    get_iterator_from_method(agent, obj, &method)
}

/// GetIterator ( obj, kind ) (7.4.4) with kind sync.
pub fn get_iterator(agent: &mut Agent, obj: &Value) -> JsResult<IteratorRecord> {
    get_iterator_of_kind(agent, obj, IteratorKind::Sync)
}

/// IteratorNext ( iteratorRecord [ , value ] ) (7.4.6).
pub fn iterator_next(
    agent: &mut Agent,
    record: &mut IteratorRecord,
    value: Option<Value>,
) -> JsResult<Object> {
    let iterator = Value::Object(record.iterator.clone());
    // 1. If value is not present, then
    step!("sec-iteratornext", "1");
    let result = match value {
        None => {
            // a. Let result be Completion(Call(iteratorRecord.[[NextMethod]],
            //    iteratorRecord.[[Iterator]])).
            step!("sec-iteratornext", "1.a");
            call(agent, &record.next_method, &iterator, &[])
        }
        Some(value) => {
            // 2. Else,
            step!("sec-iteratornext", "2");
            // a. Let result be Completion(Call(iteratorRecord.[[NextMethod]],
            //    iteratorRecord.[[Iterator]], « value »)).
            step!("sec-iteratornext", "2.a");
            call(agent, &record.next_method, &iterator, &[value])
        }
    };
    // 3. If result is a throw completion, then
    step!("sec-iteratornext", "3");
    let result = match result {
        Ok(r) => r,
        Err(e) => {
            // a. Set iteratorRecord.[[Done]] to true.
            step!("sec-iteratornext", "3.a");
            record.done = true;
            // b. Return ? result.
            step!("sec-iteratornext", "3.b");
            return Err(e);
        }
    };
    // 4. Set result to ! result.
    step!("sec-iteratornext", "4");
    // 5. If result is not an Object, then
    step!("sec-iteratornext", "5");
    let Value::Object(result) = result else {
        // a. Set iteratorRecord.[[Done]] to true.
        step!("sec-iteratornext", "5.a");
        record.done = true;
        // b. Throw a TypeError exception.
        step!("sec-iteratornext", "5.b");
        return Err(agent.type_error("iterator result is not an object"));
    };
    // 6. Return result.
    step!("sec-iteratornext", "6");
    Ok(result)
}

/// IteratorComplete ( iteratorResult ) (7.4.7).
pub fn iterator_complete(agent: &mut Agent, iter_result: &Object) -> JsResult<bool> {
    // 1. Return ToBoolean(? Get(iteratorResult, "done")).
    step!("sec-iteratorcomplete", "1");
    Ok(to_boolean(&get(agent, iter_result, &"done".into())?))
}

/// IteratorValue ( iteratorResult ) (7.4.8).
pub fn iterator_value(agent: &mut Agent, iter_result: &Object) -> JsResult<Value> {
    // 1. Return ? Get(iteratorResult, "value").
    step!("sec-iteratorvalue", "1");
    get(agent, iter_result, &"value".into())
}

/// IteratorStep ( iteratorRecord ) (7.4.9): `None` is done.
pub fn iterator_step(agent: &mut Agent, record: &mut IteratorRecord) -> JsResult<Option<Object>> {
    // 1. Let result be ? IteratorNext(iteratorRecord).
    step!("sec-iteratorstep", "1");
    let result = iterator_next(agent, record, None)?;
    // 2. Let done be Completion(IteratorComplete(result)).
    step!("sec-iteratorstep", "2");
    let done = iterator_complete(agent, &result);
    // 3. If done is a throw completion, then
    step!("sec-iteratorstep", "3");
    let done = match done {
        Ok(d) => d,
        Err(e) => {
            // a. Set iteratorRecord.[[Done]] to true.
            step!("sec-iteratorstep", "3.a");
            record.done = true;
            // b. Return ? done.
            step!("sec-iteratorstep", "3.b");
            return Err(e);
        }
    };
    // 4. Set done to ! done.
    step!("sec-iteratorstep", "4");
    // 5. If done is true, then
    step!("sec-iteratorstep", "5");
    if done {
        // a. Set iteratorRecord.[[Done]] to true.
        step!("sec-iteratorstep", "5.a");
        record.done = true;
        // b. Return done.
        step!("sec-iteratorstep", "5.b");
        return Ok(None);
    }
    // 6. Return result.
    step!("sec-iteratorstep", "6");
    Ok(Some(result))
}

/// IteratorStepValue ( iteratorRecord ) (7.4.10): `None` is done.
pub fn iterator_step_value(
    agent: &mut Agent,
    record: &mut IteratorRecord,
) -> JsResult<Option<Value>> {
    // 1. Let result be ? IteratorStep(iteratorRecord).
    step!("sec-iteratorstepvalue", "1");
    let result = iterator_step(agent, record)?;
    // 2. If result is done, then
    step!("sec-iteratorstepvalue", "2");
    let Some(result) = result else {
        // a. Return done.
        step!("sec-iteratorstepvalue", "2.a");
        return Ok(None);
    };
    // 3. Let value be Completion(IteratorValue(result)).
    step!("sec-iteratorstepvalue", "3");
    let value = iterator_value(agent, &result);
    // 4. If value is a throw completion, then
    step!("sec-iteratorstepvalue", "4");
    if value.is_err() {
        // a. Set iteratorRecord.[[Done]] to true.
        step!("sec-iteratorstepvalue", "4.a");
        record.done = true;
    }
    // 5. Return ? value.
    step!("sec-iteratorstepvalue", "5");
    value.map(Some)
}

/// Whether a completion is a throw completion: an `Err` that is not a return completion
/// travelling as a return signal out of a `yield` (interp/generators.rs).
fn is_throw_completion<T>(completion: &JsResult<T>) -> bool {
    matches!(completion, Err(e) if !crate::spec::completion_record::is_return_signal(e))
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
    spec_assert!(
        "sec-iteratorclose",
        "1",
        by: "IteratorRecord's iterator field is an Object"
    );
    // 2. Let iterator be iteratorRecord.[[Iterator]].
    step!("sec-iteratorclose", "2");
    let iterator = Value::Object(record.iterator.clone());
    // 3. Let innerResult be Completion(GetMethod(iterator, "return")).
    step!("sec-iteratorclose", "3");
    let inner_result = get_method(agent, &iterator, &"return".into());
    // 4. If innerResult is a normal completion, then
    step!("sec-iteratorclose", "4");
    let inner_result = match inner_result {
        Ok(return_method) => {
            // a. Let return be innerResult.[[Value]].
            step!("sec-iteratorclose", "4.a");
            // b. If return is undefined, return ? completion.
            step!("sec-iteratorclose", "4.b");
            let Some(return_method) = return_method else {
                return completion;
            };
            // c. Set innerResult to Completion(Call(return, iterator)).
            step!("sec-iteratorclose", "4.c");
            call(agent, &return_method, &iterator, &[])
        }
        Err(e) => Err(e),
    };
    // 5. If completion is a throw completion, return ? completion.
    step!("sec-iteratorclose", "5");
    if is_throw_completion(&completion) {
        return completion;
    }
    // 6. If innerResult is a throw completion, return ? innerResult.
    step!("sec-iteratorclose", "6");
    let inner_result = inner_result?;
    // 7. If innerResult.[[Value]] is not an Object, throw a TypeError exception.
    step!("sec-iteratorclose", "7");
    if !inner_result.is_object() {
        return Err(agent.type_error("iterator return() result is not an object"));
    }
    // 8. Return ? completion.
    step!("sec-iteratorclose", "8");
    completion
}

/// AsyncIteratorClose ( iteratorRecord, completion ) (7.4.13).
pub fn async_iterator_close<T>(
    agent: &mut Agent,
    record: &IteratorRecord,
    completion: JsResult<T>,
) -> JsResult<T> {
    // 1. Assert: iteratorRecord.[[Iterator]] is an Object.
    spec_assert!(
        "sec-asynciteratorclose",
        "1",
        by: "IteratorRecord's iterator field is an Object"
    );
    // 2. Let iterator be iteratorRecord.[[Iterator]].
    step!("sec-asynciteratorclose", "2");
    let iterator = Value::Object(record.iterator.clone());
    // 3. Let innerResult be Completion(GetMethod(iterator, "return")).
    step!("sec-asynciteratorclose", "3");
    let inner_result = get_method(agent, &iterator, &"return".into());
    // 4. If innerResult is a normal completion, then
    step!("sec-asynciteratorclose", "4");
    let inner_result = match inner_result {
        Ok(return_method) => {
            // a. Let return be innerResult.[[Value]].
            step!("sec-asynciteratorclose", "4.a");
            // b. If return is undefined, return ? completion.
            step!("sec-asynciteratorclose", "4.b");
            let Some(return_method) = return_method else {
                return completion;
            };
            // c. Set innerResult to Completion(Call(return, iterator)).
            step!("sec-asynciteratorclose", "4.c");
            let inner_result = call(agent, &return_method, &iterator, &[]);
            // d. If innerResult is a normal completion, set innerResult to
            //    Completion(Await(innerResult.[[Value]])).
            step!("sec-asynciteratorclose", "4.d");
            inner_result.and_then(|v| crate::spec::await_operation::await_value(agent, v))
        }
        Err(e) => Err(e),
    };
    // 5. If completion is a throw completion, return ? completion.
    step!("sec-asynciteratorclose", "5");
    if is_throw_completion(&completion) {
        return completion;
    }
    // 6. If innerResult is a throw completion, return ? innerResult.
    step!("sec-asynciteratorclose", "6");
    let inner_result = inner_result?;
    // 7. If innerResult.[[Value]] is not an Object, throw a TypeError exception.
    step!("sec-asynciteratorclose", "7");
    if !inner_result.is_object() {
        return Err(agent.type_error("iterator return() result is not an object"));
    }
    // 8. Return ? completion.
    step!("sec-asynciteratorclose", "8");
    completion
}

/// CreateIteratorResultObject ( value, done ) (7.4.17).
#[crate::trace::checks_tracing_once]
pub fn create_iterator_result_object(agent: &mut Agent, value: Value, done: bool) -> Object {
    // (Untraced: steps 1-4 for a new ordinary object, which has neither property and is
    // extensible, so each CreateDataPropertyOrThrow adds a data property { [[Value]],
    // [[Writable]]: true, [[Enumerable]]: true, [[Configurable]]: true } and succeeds:
    // the object is made with both already in place, in that order, in a list with room
    // for exactly them. Every iterator step makes one.)
    if !crate::trace::enabled() {
        return Object::new_with_properties(
            &ORDINARY_METHODS,
            Some(agent.intrinsic(Intrinsic::ObjectPrototype)),
            ObjectKind::Ordinary,
            vec![
                (
                    PropertyKey::value_key(),
                    Property::data(value, true, true, true),
                ),
                (
                    PropertyKey::done_key(),
                    Property::data(Value::Boolean(done), true, true, true),
                ),
            ],
        );
    }
    // 1. Let obj be OrdinaryObjectCreate(%Object.prototype%).
    step!("sec-createiterresultobject", "1");
    let obj = agent.ordinary_object();
    // 2. Perform ! CreateDataPropertyOrThrow(obj, "value", value).
    step!("sec-createiterresultobject", "2");
    let _ = create_data_property_or_throw(agent, &obj, &"value".into(), value);
    // 3. Perform ! CreateDataPropertyOrThrow(obj, "done", done).
    step!("sec-createiterresultobject", "3");
    let _ = create_data_property_or_throw(agent, &obj, &"done".into(), Value::Boolean(done));
    // 4. Return obj.
    step!("sec-createiterresultobject", "4");
    obj
}

/// IteratorToList ( iteratorRecord ) (7.4.19).
pub fn iterator_to_list(agent: &mut Agent, record: &mut IteratorRecord) -> JsResult<Vec<Value>> {
    // 1. Let values be a new empty List.
    step!("sec-iteratortolist", "1");
    let mut values = Vec::new();
    // 2. Repeat,
    step!("sec-iteratortolist", "2");
    loop {
        // a. Let next be ? IteratorStepValue(iteratorRecord).
        step!("sec-iteratortolist", "2.a");
        let next = iterator_step_value(agent, record)?;
        // b. If next is done, then
        step!("sec-iteratortolist", "2.b");
        let Some(next) = next else {
            // i. Return values.
            step!("sec-iteratortolist", "2.b.i");
            return Ok(values);
        };
        // c. Append next to values.
        step!("sec-iteratortolist", "2.c");
        values.push(next);
    }
}
