//! 24.2 Set Objects (sec-set-objects): the Set constructor, %Set.prototype% (with the
//! ES2025 set methods) and %SetIteratorPrototype% (24.2.6).
//!
//! [[SetData]] is the List of map.rs ([`MapData`]) with unused values: the same ~empty~
//! entries, hash index and cursors for iterations in progress.

use super::helpers::{define_accessor, define_constructor, define_method, define_value};
use super::map::{canonicalize_keyed_collection_key, CollectionIteratorData, MapData};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{Behaviour, BuiltinCall};
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::{InternalSlot, IterationKind, ObjectKind};
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_iterator_objects::{
    create_iterator_result_object, get_iterator, get_iterator_from_method, iterator_close,
    iterator_step_value,
};
use crate::spec::operations_on_objects::{call as call_value, create_array_from_list, get};
use crate::spec::ordinary_object_internal_methods::{
    ordinary_create_from_constructor, ordinary_object_create, ordinary_object_create_with,
    require_internal_slot,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::testing_and_comparison::is_callable;
use crate::spec::type_conversion::{to_boolean, to_number};
use crate::spec::value::Value;

/// Runs `f` on the [[SetData]] of `s` (which [`this_set`] has checked).
fn with_set_data<R>(s: &Object, f: impl FnOnce(&mut MapData) -> R) -> Option<R> {
    match &mut s.data_mut().kind {
        ObjectKind::Set(data) => Some(f(data)),
        _ => None,
    }
}

/// A new Set object (OrdinaryObjectCreate(%Set.prototype%, « [[SetData]] »)) whose
/// [[SetData]] holds `values` (canonical, no duplicates).
fn new_set_from(agent: &mut Agent, values: impl IntoIterator<Item = Value>) -> Value {
    let mut data = MapData::new();
    for v in values {
        data.set(v, Value::Undefined);
    }
    let proto = agent.intrinsic(Intrinsic::SetPrototype);
    Value::Object(ordinary_object_create_with(
        Some(proto),
        ObjectKind::Set(Box::new(data)),
    ))
}

/// Set ( [ iterable ] ) (24.2.2.1).
fn set_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = call.new_target else {
        return Err(agent.type_error("Constructor Set requires 'new'"));
    };
    // 2. Let set be ? OrdinaryCreateFromConstructor(NewTarget, "%Set.prototype%",
    //    « [[SetData]] »).
    // 3. Set set.[[SetData]] to a new empty List.
    let set = ordinary_create_from_constructor(
        agent,
        new_target,
        Intrinsic::SetPrototype,
        ObjectKind::Set(Box::new(MapData::new())),
    )?;
    // 4. If iterable is either undefined or null, return set.
    let iterable = call.arg(0);
    if iterable.is_nullish() {
        return Ok(Value::Object(set));
    }
    // 5. Let adder be ? Get(set, "add").
    let adder = get(agent, &set, &"add".into())?;
    // 6. If IsCallable(adder) is false, throw a TypeError exception.
    if !is_callable(&adder) {
        return Err(agent.type_error("Set: the 'add' method is not callable"));
    }
    // 7. Let iteratorRecord be ? GetIterator(iterable, ~sync~).
    let mut iterator_record = get_iterator(agent, &iterable)?;
    // 8. Repeat,
    loop {
        // a. Let next be ? IteratorStepValue(iteratorRecord).
        // b. If next is ~done~, return set.
        let Some(next) = iterator_step_value(agent, &mut iterator_record)? else {
            return Ok(Value::Object(set));
        };
        // c. Let status be Completion(Call(adder, set, « next »)).
        // d. IfAbruptCloseIterator(status, iteratorRecord).
        if let Err(e) = call_value(agent, &adder, &Value::Object(set.clone()), &[next]) {
            return iterator_close(agent, &iterator_record, Err(e));
        }
    }
}

/// get Set [ %Symbol.species% ] (24.2.3.2).
fn get_species(_agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return the this value.
    Ok(call.this.clone())
}

/// Set.prototype.add ( value ) (24.2.4.1).
fn add(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let S be the this value.
    // 2. Perform ? RequireInternalSlot(S, [[SetData]]).
    let s = require_internal_slot(agent, call.this, InternalSlot::SetData, "Set.prototype.add")?;
    // 3. Set value to CanonicalizeKeyedCollectionKey(value).
    let value = canonicalize_keyed_collection_key(call.arg(0));
    // 4. For each element e of S.[[SetData]], do
    //    a. If e is not ~empty~ and SameValue(e, value) is true, then
    //       i. Return S.
    // 5. Append value to S.[[SetData]].
    if with_set_data(&s, MapData::reserve_one) == Some(false) {
        return Err(agent.range_error("out of memory: the Set cannot grow"));
    }
    with_set_data(&s, |data| {
        if !data.has(&value) {
            data.set(value, Value::Undefined);
        }
    });
    // 6. Return S.
    Ok(Value::Object(s))
}

/// Set.prototype.clear ( ) (24.2.4.2).
fn clear(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let S be the this value.
    // 2. Perform ? RequireInternalSlot(S, [[SetData]]).
    let s = require_internal_slot(
        agent,
        call.this,
        InternalSlot::SetData,
        "Set.prototype.clear",
    )?;
    // 3. For each element e of S.[[SetData]], do
    //    a. Replace the element of S.[[SetData]] whose value is e with an element whose
    //       value is ~empty~.
    with_set_data(&s, MapData::clear);
    // 4. Return undefined.
    Ok(Value::Undefined)
}

/// Set.prototype.delete ( value ) (24.2.4.4).
fn delete(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let S be the this value.
    // 2. Perform ? RequireInternalSlot(S, [[SetData]]).
    let s = require_internal_slot(
        agent,
        call.this,
        InternalSlot::SetData,
        "Set.prototype.delete",
    )?;
    // 3. Set value to CanonicalizeKeyedCollectionKey(value).
    let value = canonicalize_keyed_collection_key(call.arg(0));
    // 4. For each element e of S.[[SetData]], do
    //    a. If e is not ~empty~ and SameValue(e, value) is true, then
    //       i. Replace the element of S.[[SetData]] whose value is e with an element
    //          whose value is ~empty~.
    //       ii. Return true.
    // 5. Return false.
    Ok(Value::Boolean(
        with_set_data(&s, |data| data.delete(&value)).unwrap_or(false),
    ))
}

/// A Set Record (24.2.1.1): [[SetObject]], [[Size]], [[Has]], [[Keys]].
struct SetRecord {
    set_object: Object,
    size: f64,
    has: Value,
    keys: Value,
}

/// GetSetRecord ( obj ) (24.2.1.2).
fn get_set_record(agent: &mut Agent, obj: &Value) -> JsResult<SetRecord> {
    // 1. If obj is not an Object, throw a TypeError exception.
    crate::step!("sec-getsetrecord", "1");
    let Value::Object(obj) = obj else {
        return Err(agent.type_error("the argument is not a set-like object"));
    };
    // 2. Let rawSize be ? Get(obj, "size").
    crate::step!("sec-getsetrecord", "2");
    let raw_size = get(agent, obj, &"size".into())?;
    // 3. Let numSize be ? ToNumber(rawSize).
    crate::step!("sec-getsetrecord", "3");
    // 4. NOTE: If rawSize is undefined, then numSize will be NaN.
    crate::step!("sec-getsetrecord", "4");
    let num_size = to_number(agent, &raw_size)?;
    // 5. If numSize is NaN, throw a TypeError exception.
    crate::step!("sec-getsetrecord", "5");
    if num_size.is_nan() {
        return Err(agent.type_error("the set-like object's size is not a number"));
    }
    // 6. Let intSize be ! ToIntegerOrInfinity(numSize).
    crate::step!("sec-getsetrecord", "6");
    let int_size = num_size.trunc() + 0.0;
    // 7. If intSize < 0, throw a RangeError exception.
    crate::step!("sec-getsetrecord", "7");
    if int_size < 0.0 {
        return Err(agent.range_error("the set-like object's size is negative"));
    }
    // 8. Let has be ? Get(obj, "has").
    crate::step!("sec-getsetrecord", "8");
    let has = get(agent, obj, &"has".into())?;
    // 9. If IsCallable(has) is false, throw a TypeError exception.
    crate::step!("sec-getsetrecord", "9");
    if !is_callable(&has) {
        return Err(agent.type_error("the set-like object's 'has' is not a function"));
    }
    // 10. Let keys be ? Get(obj, "keys").
    crate::step!("sec-getsetrecord", "10");
    let keys = get(agent, obj, &"keys".into())?;
    // 11. If IsCallable(keys) is false, throw a TypeError exception.
    crate::step!("sec-getsetrecord", "11");
    if !is_callable(&keys) {
        return Err(agent.type_error("the set-like object's 'keys' is not a function"));
    }
    // 12. Return a new Set Record { [[SetObject]]: obj, [[Size]]: intSize, [[Has]]: has,
    //     [[Keys]]: keys }.
    crate::step!("sec-getsetrecord", "12");
    Ok(SetRecord {
        set_object: obj.clone(),
        size: int_size,
        has,
        keys,
    })
}

/// Call(otherRec.[[Has]], otherRec.[[SetObject]], « e ») converted with ToBoolean.
fn other_has(agent: &mut Agent, other: &SetRecord, e: &Value) -> JsResult<bool> {
    let result = call_value(
        agent,
        &other.has,
        &Value::Object(other.set_object.clone()),
        std::slice::from_ref(e),
    )?;
    Ok(to_boolean(&result))
}

/// SetDataSize ( setData ) (24.2.1.5) of O.[[SetData]].
fn set_data_size(o: &Object) -> f64 {
    // 1. Let count be 0.
    crate::step!("sec-setdatasize", "1");
    // 2. For each element e of setData, do
    crate::step_done!("sec-setdatasize", "2", "by the set's data, which counts its elements that are not empty as they are added and removed");
    // a. If e is not empty, set count to count + 1.
    crate::step_done!(
        "sec-setdatasize",
        "2.a",
        "by the set's data (the count it keeps)"
    );
    let count = with_set_data(o, |data| data.size()).unwrap_or(0);
    // 3. Return count.
    crate::step!("sec-setdatasize", "3");
    count as f64
}

/// SetDataHas ( setData, value ) (24.2.1.3) of O.[[SetData]].
fn set_data_has(o: &Object, value: &Value) -> bool {
    // 1. If SetDataIndex(setData, value) is not-found, return false.
    // (SetDataIndex canonicalizes value and looks it up: a hash lookup here.)
    crate::step!("sec-setdatahas", "1");
    let value = canonicalize_keyed_collection_key(value.clone());
    if !with_set_data(o, |data| data.has(&value)).unwrap_or(false) {
        return false;
    }
    // 2. Return true.
    crate::step!("sec-setdatahas", "2");
    true
}

/// Walks the elements of O.[[SetData]] as the loops "Let thisSize be the number of
/// elements in O.[[SetData]]. Let index be 0. Repeat, while index < thisSize, ... Let e be
/// O.[[SetData]][index]. Set index to index + 1. If e is not ~empty~, then ... Set
/// thisSize to the number of elements in O.[[SetData]]" do; `f` returns `Some` to stop
/// early with that result.
fn for_each_this_element<R>(
    agent: &mut Agent,
    o: &Object,
    mut f: impl FnMut(&mut Agent, Value) -> JsResult<Option<R>>,
) -> JsResult<Option<R>> {
    let Some(cursor) = with_set_data(o, MapData::new_cursor) else {
        return Ok(None);
    };
    while let Some((e, _)) = with_set_data(o, |data| data.next_entry(&cursor)).flatten() {
        if let Some(result) = f(agent, e)? {
            return Ok(Some(result));
        }
    }
    Ok(None)
}

/// Set.prototype.union ( other ) (24.2.4.18).
fn union(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[SetData]]).
    let o = require_internal_slot(
        agent,
        call.this,
        InternalSlot::SetData,
        "Set.prototype.union",
    )?;
    // 3. Let otherRec be ? GetSetRecord(other).
    let other = get_set_record(agent, &call.arg(0))?;
    // 4. Let keysIter be ? GetIteratorFromMethod(otherRec.[[SetObject]],
    //    otherRec.[[Keys]]).
    let mut keys_iter =
        get_iterator_from_method(agent, &Value::Object(other.set_object), &other.keys)?;
    // 5. Let resultSetData be a copy of O.[[SetData]].
    let mut result_set_data = MapData::new();
    for v in with_set_data(&o, |data| data.keys()).unwrap_or_default() {
        result_set_data.set(v, Value::Undefined);
    }
    // 6. Let next be ~not-started~.
    // 7. Repeat, while next is not ~done~,
    //    a. Set next to ? IteratorStepValue(keysIter).
    //    b. If next is not ~done~, then
    while let Some(next) = iterator_step_value(agent, &mut keys_iter)? {
        // i. Set next to CanonicalizeKeyedCollectionKey(next).
        let next = canonicalize_keyed_collection_key(next);
        // ii. If SetDataHas(resultSetData, next) is false, then
        //     1. Append next to resultSetData.
        if !result_set_data.has(&next) {
            result_set_data.set(next, Value::Undefined);
        }
    }
    // 8. Let result be OrdinaryObjectCreate(%Set.prototype%, « [[SetData]] »).
    // 9. Set result.[[SetData]] to resultSetData.
    // 10. Return result.
    Ok(new_set_from(agent, result_set_data.keys()))
}

/// Set.prototype.intersection ( other ) (24.2.4.9).
fn intersection(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[SetData]]).
    let o = require_internal_slot(
        agent,
        call.this,
        InternalSlot::SetData,
        "Set.prototype.intersection",
    )?;
    // 3. Let otherRec be ? GetSetRecord(other).
    let other = get_set_record(agent, &call.arg(0))?;
    // 4. Let resultSetData be a new empty List.
    let mut result_set_data = MapData::new();
    // 5. If SetDataSize(O.[[SetData]]) ≤ otherRec.[[Size]], then
    if set_data_size(&o) <= other.size {
        // a. Let thisSize be the number of elements in O.[[SetData]].
        // b. Let index be 0.
        // c. Repeat, while index < thisSize,
        //    i. Let e be O.[[SetData]][index].
        //    ii. Set index to index + 1.
        //    iii. If e is not ~empty~, then
        for_each_this_element(agent, &o, |agent, e| {
            // 1. Let inOther be ToBoolean(? Call(otherRec.[[Has]],
            //    otherRec.[[SetObject]], « e »)).
            // 2. If inOther is true, then
            if other_has(agent, &other, &e)? {
                // a. NOTE: It is possible for earlier calls to otherRec.[[Has]] to remove
                //    and re-add an element of O.[[SetData]], which can cause elements to
                //    be visited more than once during this iteration.
                // b. If SetDataHas(resultSetData, e) is false, then
                //    i. Append e to resultSetData.
                if !result_set_data.has(&e) {
                    result_set_data.set(e, Value::Undefined);
                }
            }
            // 3. NOTE: The number of elements in O.[[SetData]] may have increased during
            //    execution of otherRec.[[Has]].
            // 4. Set thisSize to the number of elements in O.[[SetData]].
            Ok(None::<()>)
        })?;
    } else {
        // 6. Else,
        // a. Let keysIter be ? GetIteratorFromMethod(otherRec.[[SetObject]],
        //    otherRec.[[Keys]]).
        let mut keys_iter =
            get_iterator_from_method(agent, &Value::Object(other.set_object), &other.keys)?;
        // b. Let next be ~not-started~.
        // c. Repeat, while next is not ~done~,
        //    i. Set next to ? IteratorStepValue(keysIter).
        //    ii. If next is not ~done~, then
        while let Some(next) = iterator_step_value(agent, &mut keys_iter)? {
            // 1. Set next to CanonicalizeKeyedCollectionKey(next).
            let next = canonicalize_keyed_collection_key(next);
            // 2. Let inThis be SetDataHas(O.[[SetData]], next).
            // 3. If inThis is true, then
            //    a. NOTE: Because other is an arbitrary object, it is possible for its
            //       "keys" iterator to produce the same value more than once.
            //    b. If SetDataHas(resultSetData, next) is false, then
            //       i. Append next to resultSetData.
            if set_data_has(&o, &next) && !result_set_data.has(&next) {
                result_set_data.set(next, Value::Undefined);
            }
        }
    }
    // 7. Let result be OrdinaryObjectCreate(%Set.prototype%, « [[SetData]] »).
    // 8. Set result.[[SetData]] to resultSetData.
    // 9. Return result.
    Ok(new_set_from(agent, result_set_data.keys()))
}

/// Set.prototype.difference ( other ) (24.2.4.5).
fn difference(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[SetData]]).
    let o = require_internal_slot(
        agent,
        call.this,
        InternalSlot::SetData,
        "Set.prototype.difference",
    )?;
    // 3. Let otherRec be ? GetSetRecord(other).
    let other = get_set_record(agent, &call.arg(0))?;
    // 4. Let resultSetData be a copy of O.[[SetData]].
    let copy = with_set_data(&o, |data| data.keys()).unwrap_or_default();
    let mut result_set_data = MapData::new();
    for v in &copy {
        result_set_data.set(v.clone(), Value::Undefined);
    }
    // 5. If SetDataSize(O.[[SetData]]) ≤ otherRec.[[Size]], then
    if set_data_size(&o) <= other.size {
        // a. Let thisSize be the number of elements in O.[[SetData]].
        // b. Let index be 0.
        // c. Repeat, while index < thisSize,
        //    i. Let e be resultSetData[index].
        //    ii. If e is not ~empty~, then
        //    (resultSetData is a copy no code can reach: its elements at the start are
        //    `copy`, and only this loop empties them.)
        for e in copy {
            // 1. Let inOther be ToBoolean(? Call(otherRec.[[Has]],
            //    otherRec.[[SetObject]], « e »)).
            // 2. If inOther is true, then
            //    a. Set resultSetData[index] to ~empty~.
            if other_has(agent, &other, &e)? {
                result_set_data.delete(&e);
            }
            // iii. Set index to index + 1.
        }
    } else {
        // 6. Else,
        // a. Let keysIter be ? GetIteratorFromMethod(otherRec.[[SetObject]],
        //    otherRec.[[Keys]]).
        let mut keys_iter =
            get_iterator_from_method(agent, &Value::Object(other.set_object), &other.keys)?;
        // b. Let next be ~not-started~.
        // c. Repeat, while next is not ~done~,
        //    i. Set next to ? IteratorStepValue(keysIter).
        //    ii. If next is not ~done~, then
        while let Some(next) = iterator_step_value(agent, &mut keys_iter)? {
            // 1. Set next to CanonicalizeKeyedCollectionKey(next).
            let next = canonicalize_keyed_collection_key(next);
            // 2. Let valueIndex be SetDataIndex(resultSetData, next).
            // 3. If valueIndex is not ~not-found~, then
            //    a. Set resultSetData[valueIndex] to ~empty~.
            result_set_data.delete(&next);
        }
    }
    // 7. Let result be OrdinaryObjectCreate(%Set.prototype%, « [[SetData]] »).
    // 8. Set result.[[SetData]] to resultSetData.
    // 9. Return result.
    Ok(new_set_from(agent, result_set_data.keys()))
}

/// Set.prototype.symmetricDifference ( other ) (24.2.4.15).
fn symmetric_difference(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[SetData]]).
    let o = require_internal_slot(
        agent,
        call.this,
        InternalSlot::SetData,
        "Set.prototype.symmetricDifference",
    )?;
    // 3. Let otherRec be ? GetSetRecord(other).
    let other = get_set_record(agent, &call.arg(0))?;
    // 4. Let keysIter be ? GetIteratorFromMethod(otherRec.[[SetObject]],
    //    otherRec.[[Keys]]).
    let mut keys_iter =
        get_iterator_from_method(agent, &Value::Object(other.set_object), &other.keys)?;
    // 5. Let resultSetData be a copy of O.[[SetData]].
    let mut result_set_data = MapData::new();
    for v in with_set_data(&o, |data| data.keys()).unwrap_or_default() {
        result_set_data.set(v, Value::Undefined);
    }
    // 6. Let next be ~not-started~.
    // 7. Repeat, while next is not ~done~,
    //    a. Set next to ? IteratorStepValue(keysIter).
    //    b. If next is not ~done~, then
    while let Some(next) = iterator_step_value(agent, &mut keys_iter)? {
        // i. Set next to CanonicalizeKeyedCollectionKey(next).
        let next = canonicalize_keyed_collection_key(next);
        // ii. Let resultIndex be SetDataIndex(resultSetData, next).
        // iii. If resultIndex is ~not-found~, let alreadyInResult be false. Otherwise let
        //      alreadyInResult be true.
        let already_in_result = result_set_data.has(&next);
        // iv. If SetDataHas(O.[[SetData]], next) is true, then
        if set_data_has(&o, &next) {
            // 1. If alreadyInResult is true, set resultSetData[resultIndex] to ~empty~.
            if already_in_result {
                result_set_data.delete(&next);
            }
        } else if !already_in_result {
            // v. Else,
            //    1. If alreadyInResult is false, append next to resultSetData.
            result_set_data.set(next, Value::Undefined);
        }
    }
    // 8. Let result be OrdinaryObjectCreate(%Set.prototype%, « [[SetData]] »).
    // 9. Set result.[[SetData]] to resultSetData.
    // 10. Return result.
    Ok(new_set_from(agent, result_set_data.keys()))
}

/// Set.prototype.isSubsetOf ( other ) (24.2.4.11).
fn is_subset_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[SetData]]).
    let o = require_internal_slot(
        agent,
        call.this,
        InternalSlot::SetData,
        "Set.prototype.isSubsetOf",
    )?;
    // 3. Let otherRec be ? GetSetRecord(other).
    let other = get_set_record(agent, &call.arg(0))?;
    // 4. If SetDataSize(O.[[SetData]]) > otherRec.[[Size]], return false.
    if set_data_size(&o) > other.size {
        return Ok(Value::Boolean(false));
    }
    // 5. Let thisSize be the number of elements in O.[[SetData]].
    // 6. Let index be 0.
    // 7. Repeat, while index < thisSize,
    //    a. Let e be O.[[SetData]][index].
    //    b. Set index to index + 1.
    //    c. If e is not ~empty~, then
    let stopped = for_each_this_element(agent, &o, |agent, e| {
        // i. Let inOther be ToBoolean(? Call(otherRec.[[Has]], otherRec.[[SetObject]],
        //    « e »)).
        // ii. If inOther is false, return false.
        if !other_has(agent, &other, &e)? {
            return Ok(Some(()));
        }
        // iii. NOTE: The number of elements in O.[[SetData]] may have increased during
        //      execution of otherRec.[[Has]].
        // iv. Set thisSize to the number of elements in O.[[SetData]].
        Ok(None)
    })?;
    // 8. Return true.
    Ok(Value::Boolean(stopped.is_none()))
}

/// Set.prototype.isSupersetOf ( other ) (24.2.4.12).
fn is_superset_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[SetData]]).
    let o = require_internal_slot(
        agent,
        call.this,
        InternalSlot::SetData,
        "Set.prototype.isSupersetOf",
    )?;
    // 3. Let otherRec be ? GetSetRecord(other).
    let other = get_set_record(agent, &call.arg(0))?;
    // 4. If SetDataSize(O.[[SetData]]) < otherRec.[[Size]], return false.
    if set_data_size(&o) < other.size {
        return Ok(Value::Boolean(false));
    }
    // 5. Let keysIter be ? GetIteratorFromMethod(otherRec.[[SetObject]],
    //    otherRec.[[Keys]]).
    let mut keys_iter =
        get_iterator_from_method(agent, &Value::Object(other.set_object), &other.keys)?;
    // 6. Let next be ~not-started~.
    // 7. Repeat, while next is not ~done~,
    //    a. Set next to ? IteratorStepValue(keysIter).
    //    b. If next is not ~done~, then
    while let Some(next) = iterator_step_value(agent, &mut keys_iter)? {
        // i. If SetDataHas(O.[[SetData]], next) is false, then
        if !set_data_has(&o, &next) {
            // 1. Perform ? IteratorClose(keysIter, NormalCompletion(~unused~)).
            iterator_close(agent, &keys_iter, Ok(()))?;
            // 2. Return false.
            return Ok(Value::Boolean(false));
        }
    }
    // 8. Return true.
    Ok(Value::Boolean(true))
}

/// Set.prototype.isDisjointFrom ( other ) (24.2.4.10).
fn is_disjoint_from(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[SetData]]).
    let o = require_internal_slot(
        agent,
        call.this,
        InternalSlot::SetData,
        "Set.prototype.isDisjointFrom",
    )?;
    // 3. Let otherRec be ? GetSetRecord(other).
    let other = get_set_record(agent, &call.arg(0))?;
    // 4. If SetDataSize(O.[[SetData]]) ≤ otherRec.[[Size]], then
    if set_data_size(&o) <= other.size {
        // a. Let thisSize be the number of elements in O.[[SetData]].
        // b. Let index be 0.
        // c. Repeat, while index < thisSize,
        //    i. Let e be O.[[SetData]][index].
        //    ii. Set index to index + 1.
        //    iii. If e is not ~empty~, then
        let stopped = for_each_this_element(agent, &o, |agent, e| {
            // 1. Let inOther be ToBoolean(? Call(otherRec.[[Has]],
            //    otherRec.[[SetObject]], « e »)).
            // 2. If inOther is true, return false.
            if other_has(agent, &other, &e)? {
                return Ok(Some(()));
            }
            // 3. NOTE: The number of elements in O.[[SetData]] may have increased during
            //    execution of otherRec.[[Has]].
            // 4. Set thisSize to the number of elements in O.[[SetData]].
            Ok(None)
        })?;
        if stopped.is_some() {
            return Ok(Value::Boolean(false));
        }
    } else {
        // 5. Else,
        // a. Let keysIter be ? GetIteratorFromMethod(otherRec.[[SetObject]],
        //    otherRec.[[Keys]]).
        let mut keys_iter =
            get_iterator_from_method(agent, &Value::Object(other.set_object), &other.keys)?;
        // b. Let next be ~not-started~.
        // c. Repeat, while next is not ~done~,
        //    i. Set next to ? IteratorStepValue(keysIter).
        //    ii. If next is not ~done~, then
        while let Some(next) = iterator_step_value(agent, &mut keys_iter)? {
            // 1. If SetDataHas(O.[[SetData]], next) is true, then
            if set_data_has(&o, &next) {
                // a. Perform ? IteratorClose(keysIter, NormalCompletion(~unused~)).
                iterator_close(agent, &keys_iter, Ok(()))?;
                // b. Return false.
                return Ok(Value::Boolean(false));
            }
        }
    }
    // 6. Return true.
    Ok(Value::Boolean(true))
}

/// CreateSetIterator ( set, kind ) (24.2.6.1).
fn create_set_iterator(
    agent: &mut Agent,
    set: &Value,
    kind: IterationKind,
    method: &str,
) -> JsResult<Value> {
    // 1. Perform ? RequireInternalSlot(set, [[SetData]]).
    let set = require_internal_slot(
        agent,
        set,
        InternalSlot::SetData,
        format_args!("Set.prototype.{method}"),
    )?;
    // 2. Let closure be a new Abstract Closure with no parameters that captures set and
    //    kind and performs the following steps when called: (see set_iterator_next)
    // 3. Return CreateIteratorFromClosure(closure, "%SetIteratorPrototype%",
    //    %SetIteratorPrototype%).
    let cursor = with_set_data(&set, MapData::new_cursor).unwrap_or_default();
    let proto = agent.intrinsic(Intrinsic::SetIteratorPrototype);
    Ok(Value::Object(ordinary_object_create_with(
        Some(proto),
        ObjectKind::SetIterator(Box::new(CollectionIteratorData {
            collection: Some(set),
            cursor,
            kind,
        })),
    )))
}

/// Set.prototype.entries ( ) (24.2.4.6).
fn entries(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let S be the this value.
    // 2. Return ? CreateSetIterator(S, ~key+value~).
    create_set_iterator(agent, call.this, IterationKind::KeyValue, "entries")
}

/// Set.prototype.values ( ) (24.2.4.22); also Set.prototype.keys (24.2.4.13).
fn values(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let S be the this value.
    // 2. Return ? CreateSetIterator(S, ~value~).
    create_set_iterator(agent, call.this, IterationKind::Value, "values")
}

/// Set.prototype.forEach ( callbackfn [ , thisArg ] ) (24.2.4.7).
fn for_each(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let S be the this value.
    // 2. Perform ? RequireInternalSlot(S, [[SetData]]).
    let s = require_internal_slot(
        agent,
        call.this,
        InternalSlot::SetData,
        "Set.prototype.forEach",
    )?;
    // 3. If IsCallable(callbackfn) is false, throw a TypeError exception.
    let callback = call.arg(0);
    if !is_callable(&callback) {
        return Err(agent.type_error("Set.prototype.forEach: the callback is not a function"));
    }
    let this_arg = call.arg(1);
    // 4. Let entries be S.[[SetData]].
    // 5. Let numEntries be the number of elements in entries.
    // 6. Let index be 0.
    // 7. Repeat, while index < numEntries,
    //    a. Let e be entries[index].
    //    b. Set index to index + 1.
    //    c. If e is not ~empty~, then
    for_each_this_element(agent, &s, |agent, e| {
        // i. Perform ? Call(callbackfn, thisArg, « e, e, S »).
        call_value(
            agent,
            &callback,
            &this_arg,
            &[e.clone(), e, Value::Object(s.clone())],
        )?;
        // ii. NOTE: The number of elements in entries may have increased during execution
        //     of callbackfn.
        // iii. Set numEntries to the number of elements in entries.
        Ok(None::<()>)
    })?;
    // 8. Return undefined.
    Ok(Value::Undefined)
}

/// Set.prototype.has ( value ) (24.2.4.8).
fn has(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let S be the this value.
    // 2. Perform ? RequireInternalSlot(S, [[SetData]]).
    let s = require_internal_slot(agent, call.this, InternalSlot::SetData, "Set.prototype.has")?;
    // 3. Set value to CanonicalizeKeyedCollectionKey(value).
    let value = canonicalize_keyed_collection_key(call.arg(0));
    // 4. For each element e of S.[[SetData]], do
    //    a. If e is not ~empty~ and SameValue(e, value) is true, return true.
    // 5. Return false.
    Ok(Value::Boolean(
        with_set_data(&s, |data| data.has(&value)).unwrap_or(false),
    ))
}

/// get Set.prototype.size (24.2.4.14).
fn size(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let S be the this value.
    // 2. Perform ? RequireInternalSlot(S, [[SetData]]).
    let s = require_internal_slot(
        agent,
        call.this,
        InternalSlot::SetData,
        "Set.prototype.size",
    )?;
    // 3. Let size be SetDataSize(S.[[SetData]]).
    // 4. Return 𝔽(size).
    Ok(Value::Number(set_data_size(&s)))
}

/// %SetIteratorPrototype%.next ( ) (24.2.6.2.1): GeneratorResume(this value, ~empty~,
/// "%SetIteratorPrototype%") of the generator CreateSetIterator made.
fn set_iterator_next(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // GeneratorValidate: the this value must be a generator with the brand
    // "%SetIteratorPrototype%" (a TypeError otherwise).
    let state = match call.this {
        Value::Object(o) => match &o.data().kind {
            ObjectKind::SetIterator(d) => {
                Some((o.clone(), d.collection.clone(), d.cursor.clone(), d.kind))
            }
            _ => None,
        },
        _ => None,
    };
    let Some((generator, set, cursor, kind)) = state else {
        return Err(agent.type_error("%SetIteratorPrototype%.next called on a non-Set Iterator"));
    };
    // A completed generator returns CreateIterResultObject(undefined, true).
    let Some(set) = set else {
        return Ok(Value::Object(create_iterator_result_object(
            agent,
            Value::Undefined,
            true,
        )));
    };
    // The closure of CreateSetIterator (24.2.6.1 step 2):
    // a. Let index be 0.
    // b. Let entries be set.[[SetData]].
    // c. Let numEntries be the number of elements in entries.
    // d. Repeat, while index < numEntries,
    //    i. Let e be entries[index].
    //    ii. Set index to index + 1.
    //    iii. If e is not ~empty~, then
    let next = with_set_data(&set, |data| data.next_entry(&cursor)).flatten();
    let Some((e, _)) = next else {
        // e. Return NormalCompletion(unused): the generator completes.
        if let ObjectKind::SetIterator(d) = &mut generator.data_mut().kind {
            d.collection = None;
        }
        return Ok(Value::Object(create_iterator_result_object(
            agent,
            Value::Undefined,
            true,
        )));
    };
    let result = if kind == IterationKind::KeyValue {
        // 1. If kind is ~key+value~, then
        //    a. Let result be CreateArrayFromList(« e, e »).
        //    b. Perform ? GeneratorYield(CreateIteratorResultObject(result, false)).
        Value::Object(create_array_from_list(agent, vec![e.clone(), e]))
    } else {
        // 2. Else,
        //    a. Assert: kind is ~value~.
        //    b. Perform ? GeneratorYield(CreateIteratorResultObject(e, false)).
        e
    };
    // 3. NOTE: The number of elements in entries may have increased while execution of
    //    this abstract operation was paused by Yield.
    // 4. Set numEntries to the number of elements in entries.
    Ok(Value::Object(create_iterator_result_object(
        agent, result, false,
    )))
}

/// Creates %Set% (24.2.3), %Set.prototype% (24.2.4) and %SetIteratorPrototype% (24.2.6.2).
pub fn create_set_intrinsics(agent: &mut Agent, realm: &Realm) {
    let object_prototype = realm.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = ordinary_object_create(Some(object_prototype));
    realm.set_intrinsic(Intrinsic::SetPrototype, prototype.clone());
    let set = define_constructor(
        agent,
        realm,
        Intrinsic::Set,
        "Set",
        0,
        set_constructor,
        &prototype,
        None,
    );
    let species = PropertyKey::Symbol(agent.well_known.species.clone());
    define_accessor(agent, &set, species, Some(get_species), None);

    let methods: &[(&str, u32, Behaviour)] = &[
        ("add", 1, add),
        ("clear", 0, clear),
        ("delete", 1, delete),
        ("difference", 1, difference),
        ("entries", 0, entries),
        ("forEach", 1, for_each),
        ("has", 1, has),
        ("intersection", 1, intersection),
        ("isDisjointFrom", 1, is_disjoint_from),
        ("isSubsetOf", 1, is_subset_of),
        ("isSupersetOf", 1, is_superset_of),
        ("symmetricDifference", 1, symmetric_difference),
        ("union", 1, union),
    ];
    for &(name, length, behaviour) in methods {
        define_method(agent, &prototype, name, length, behaviour);
    }
    define_accessor(agent, &prototype, "size", Some(size), None);
    // 24.2.4.22: values; 24.2.4.13: "The initial value of the "keys" property is
    // %Set.prototype.values%"; 24.2.4.23: so is that of %Symbol.iterator%.
    let values = define_method(agent, &prototype, "values", 0, values);
    define_value(
        &prototype,
        "keys",
        Value::Object(values.clone()),
        true,
        false,
        true,
    );
    let iterator = PropertyKey::Symbol(agent.well_known.iterator.clone());
    define_value(
        &prototype,
        iterator,
        Value::Object(values),
        true,
        false,
        true,
    );
    // 24.2.4.24 Set.prototype [ %Symbol.toStringTag% ]: "Set", { [[Writable]]: false,
    // [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(
        &prototype,
        tag.clone(),
        Value::string("Set"),
        false,
        false,
        true,
    );

    // 24.2.6.2 The %SetIteratorPrototype% Object: [[Prototype]] is %Iterator.prototype%.
    let iterator_prototype = realm.intrinsic(Intrinsic::IteratorPrototype);
    let set_iterator_prototype = ordinary_object_create(Some(iterator_prototype));
    define_method(agent, &set_iterator_prototype, "next", 0, set_iterator_next);
    define_value(
        &set_iterator_prototype,
        tag,
        Value::string("Set Iterator"),
        false,
        false,
        true,
    );
    realm.set_intrinsic(Intrinsic::SetIteratorPrototype, set_iterator_prototype);
}
