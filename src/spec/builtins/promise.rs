//! 27.2 Promise Objects (sec-promise-objects): the Promise constructor (27.2.3), its
//! properties (27.2.4: all, allSettled, any, race, reject, resolve, try, withResolvers,
//! %Symbol.species%) and %Promise.prototype% (27.2.5: catch, finally, then,
//! %Symbol.toStringTag%). The abstract operations and jobs are in
//! spec/promise_objects.rs.
//!
//! The element functions of Promise.all, allSettled and any are Abstract Closures whose
//! captures record holds their internal slots ([`ElementFunctionSlots`]); the Records and
//! Lists they share (remainingElementsCount, values, errors, allSettled's alreadyCalled)
//! are [`SharedRecord`]s. A function's own [[AlreadyCalled]] boolean is a shared record
//! too, so that every element function reads it the same way.

use super::helpers::{define_accessor, define_constructor, define_method, define_value};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{
    builtin_closure, new_shared_record, Behaviour, BuiltinCall, ClosureSteps, SharedRecord,
};
use crate::spec::completion_record::JsResult;
use crate::spec::error_objects::new_error;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_iterator_objects::{
    get_iterator, iterator_close, iterator_step_value, IteratorRecord,
};
use crate::spec::operations_on_objects::{
    call as call_value, create_array_from_list, create_data_property_or_throw, get, invoke,
    species_constructor,
};
use crate::spec::ordinary_object_internal_methods::{
    ordinary_create_from_constructor, ordinary_object_create,
};
use crate::spec::promise_objects::{
    create_resolving_functions, if_abrupt_reject_promise, is_promise, new_pending_promise,
    new_promise_capability, perform_promise_then_with, promise_capability_call_reject,
    promise_capability_call_resolve, promise_resolve, PromiseCapability, PromiseData,
    ReactionCapability,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::testing_and_comparison::is_callable;
use crate::spec::value::Value;
use boa_gc::{Finalize, Trace};

/// Promise ( executor ) (27.2.3.1).
fn promise_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let executor = call.arg(0);
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = call.new_target else {
        return Err(agent.type_error("Constructor Promise requires 'new'"));
    };
    // 2. If IsCallable(executor) is false, throw a TypeError exception.
    if !is_callable(&executor) {
        return Err(agent.type_error("Promise resolver is not a function"));
    }
    // 3. Let promise be ? OrdinaryCreateFromConstructor(NewTarget, "%Promise.prototype%",
    //    « [[PromiseState]], [[PromiseResult]], [[PromiseFulfillReactions]],
    //    [[PromiseRejectReactions]], [[PromiseIsHandled]] »).
    // 4. Set promise.[[PromiseState]] to pending.
    // 5. Set promise.[[PromiseFulfillReactions]] to a new empty List.
    // 6. Set promise.[[PromiseRejectReactions]] to a new empty List.
    // 7. Set promise.[[PromiseIsHandled]] to false.
    let promise = ordinary_create_from_constructor(
        agent,
        new_target,
        Intrinsic::PromisePrototype,
        ObjectKind::Promise(Box::new(PromiseData::new_pending())),
    )?;
    // 8. Let resolvingFunctions be CreateResolvingFunctions(promise).
    let (resolve, reject) = create_resolving_functions(agent, &promise);
    // 9. Let completion be Completion(Call(executor, undefined,
    //    « resolvingFunctions.[[Resolve]], resolvingFunctions.[[Reject]] »)).
    let completion = call_value(
        agent,
        &executor,
        &Value::Undefined,
        &[Value::Object(resolve), Value::Object(reject.clone())],
    );
    // 10. If completion is an abrupt completion, then
    if let Err(thrown) = completion {
        // a. Perform ? Call(resolvingFunctions.[[Reject]], undefined,
        //    « completion.[[Value]] »).
        call_value(agent, &Value::Object(reject), &Value::Undefined, &[thrown])?;
    }
    // 11. Return promise.
    Ok(Value::Object(promise))
}

/// The Perform operation of a combinator: PerformPromiseAll, PerformPromiseAllSettled,
/// PerformPromiseAny or PerformPromiseRace ( iteratorRecord, constructor,
/// resultCapability, promiseResolve ).
type PerformCombinator =
    fn(&mut Agent, &mut IteratorRecord, &Value, &PromiseCapability, &Value) -> JsResult<Value>;

/// The steps Promise.all (27.2.4.1), Promise.allSettled (27.2.4.2), Promise.any
/// (27.2.4.3) and Promise.race (27.2.4.5) share; they differ only in the Perform
/// operation of step 7.
fn promise_combinator(
    agent: &mut Agent,
    call: &BuiltinCall,
    perform: PerformCombinator,
) -> JsResult<Value> {
    let iterable = call.arg(0);
    // 1. Let C be the this value.
    let c = call.this.clone();
    // 2. Let promiseCapability be ? NewPromiseCapability(C).
    let promise_capability = new_promise_capability(agent, &c)?;
    // 3. Let promiseResolve be Completion(GetPromiseResolve(C)).
    let promise_resolve = get_promise_resolve(agent, &c);
    // 4. IfAbruptRejectPromise(promiseResolve, promiseCapability).
    let promise_resolve = if_abrupt_reject_promise!(agent, promise_resolve, promise_capability);
    // 5. Let iteratorRecord be Completion(GetIterator(iterable, ~sync~)).
    let iterator_record = get_iterator(agent, &iterable);
    // 6. IfAbruptRejectPromise(iteratorRecord, promiseCapability).
    let mut iterator_record = if_abrupt_reject_promise!(agent, iterator_record, promise_capability);
    // 7. Let result be Completion(PerformPromiseAll(iteratorRecord, C, promiseCapability,
    //    promiseResolve)).
    let mut result = perform(
        agent,
        &mut iterator_record,
        &c,
        &promise_capability,
        &promise_resolve,
    );
    // 8. If result is an abrupt completion, then
    if result.is_err() {
        // a. If iteratorRecord.[[Done]] is false, set result to
        //    Completion(IteratorClose(iteratorRecord, result)).
        if !iterator_record.done {
            result = iterator_close(agent, &iterator_record, result);
        }
        // b. IfAbruptRejectPromise(result, promiseCapability).
        let result = if_abrupt_reject_promise!(agent, result, promise_capability);
        return Ok(result);
    }
    // 9. Return ! result.
    result
}

/// GetPromiseResolve ( promiseConstructor ) (27.2.4.1.1).
fn get_promise_resolve(agent: &mut Agent, promise_constructor: &Value) -> JsResult<Value> {
    let Value::Object(promise_constructor) = promise_constructor else {
        return Err(agent.type_error("the promise constructor is not an object"));
    };
    // 1. Let promiseResolve be ? Get(promiseConstructor, "resolve").
    crate::step!("sec-getpromiseresolve", "1");
    let promise_resolve = get(agent, promise_constructor, &"resolve".into())?;
    // 2. If IsCallable(promiseResolve) is false, throw a TypeError exception.
    crate::step!("sec-getpromiseresolve", "2");
    if !is_callable(&promise_resolve) {
        return Err(agent.type_error("the promise constructor's resolve is not callable"));
    }
    // 3. Return promiseResolve.
    crate::step!("sec-getpromiseresolve", "3");
    Ok(promise_resolve)
}

/// The internal slots of the element functions of Promise.all, allSettled and any:
/// « [[AlreadyCalled]], [[Index]], [[Values]] (any: [[Errors]]), [[Capability]],
/// [[RemainingElements]] ».
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct ElementFunctionSlots {
    already_called: SharedRecord<bool>,
    index: usize,
    values: SharedRecord<Vec<Value>>,
    capability: PromiseCapability,
    remaining_elements: SharedRecord<f64>,
}

/// Creates an element function (Promise.all Resolve Element Functions and the others)
/// with its internal slots set: steps "Let onFulfilled be CreateBuiltinFunction(steps,
/// length, "", « ... »)" and the "Set onFulfilled.[[...]] to ..." steps after it.
fn create_element_function(
    agent: &mut Agent,
    steps: ClosureSteps<ElementFunctionSlots>,
    already_called: &SharedRecord<bool>,
    index: usize,
    values: &SharedRecord<Vec<Value>>,
    capability: &PromiseCapability,
    remaining_elements: &SharedRecord<f64>,
) -> Value {
    let slots = ElementFunctionSlots {
        already_called: already_called.clone(),
        index,
        values: values.clone(),
        capability: capability.clone(),
        remaining_elements: remaining_elements.clone(),
    };
    Value::Object(builtin_closure(agent, steps, 1.0, slots))
}

/// Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] + `delta`;
/// the new value.
fn add_remaining(record: &SharedRecord<f64>, delta: f64) -> f64 {
    let mut remaining = record.borrow_mut();
    *remaining += delta;
    *remaining
}

/// "If F.[[AlreadyCalled]] is true, return undefined. Set F.[[AlreadyCalled]] to true.":
/// whether the function may go on.
fn first_call(already_called: &SharedRecord<bool>) -> bool {
    let mut called = already_called.borrow_mut();
    !std::mem::replace(&mut *called, true)
}

/// What makes the `then` arguments of one element in [`perform_promise_all_like`]: from
/// (index, values, remainingElementsCount).
type ThenArguments<'a> =
    dyn Fn(&mut Agent, usize, &SharedRecord<Vec<Value>>, &SharedRecord<f64>) -> [Value; 2] + 'a;

/// What [`perform_promise_all_like`] does with values (or errors) once every element
/// settled.
type WhenDone<'a> = dyn Fn(&mut Agent, &SharedRecord<Vec<Value>>) -> JsResult<()> + 'a;

/// The loop of PerformPromiseAll (27.2.4.1.2), PerformPromiseAllSettled (27.2.4.2.1) and
/// PerformPromiseAny (27.2.4.3.1), which differ in the element functions they create,
/// the arguments of `then` and what happens when the iterator is done. `elements` makes
/// the `then` arguments for one element from (alreadyCalled-or-undefined, index,
/// values, remainingElementsCount).
fn perform_promise_all_like(
    agent: &mut Agent,
    iterator_record: &mut IteratorRecord,
    constructor: &Value,
    result_capability: &PromiseCapability,
    promise_resolve: &Value,
    then_arguments: &ThenArguments<'_>,
    done: &WhenDone<'_>,
) -> JsResult<Value> {
    // 1. Let values be a new empty List.
    let values = new_shared_record(Vec::new());
    // 2. Let remainingElementsCount be the Record { [[Value]]: 1 }.
    let remaining_elements = new_shared_record(1.0);
    // 3. Let index be 0.
    let mut index = 0;
    // 4. Repeat,
    loop {
        // a. Let next be ? IteratorStepValue(iteratorRecord).
        let next = iterator_step_value(agent, iterator_record)?;
        // b. If next is ~done~, then
        let Some(next) = next else {
            // i. Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] - 1.
            // ii. If remainingElementsCount.[[Value]] = 0, then
            if add_remaining(&remaining_elements, -1.0) == 0.0 {
                // 1. Let valuesArray be CreateArrayFromList(values).
                // 2. Perform ? Call(resultCapability.[[Resolve]], undefined,
                //    « valuesArray »).
                done(agent, &values)?;
            }
            // iii. Return resultCapability.[[Promise]].
            return Ok(Value::Object(result_capability.promise.clone()));
        };
        // c. Append undefined to values.
        values.borrow_mut().push(Value::Undefined);
        // d. Let nextPromise be ? Call(promiseResolve, constructor, « next »).
        let next_promise = call_value(agent, promise_resolve, constructor, &[next])?;
        // e-l. Let onFulfilled be CreateBuiltinFunction(steps, length, "", « ... ») with
        //      its slots set.
        let arguments = then_arguments(agent, index, &values, &remaining_elements);
        // m. Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] + 1.
        add_remaining(&remaining_elements, 1.0);
        // n. Perform ? Invoke(nextPromise, "then", « onFulfilled,
        //    resultCapability.[[Reject]] »).
        invoke(agent, &next_promise, &"then".into(), &arguments)?;
        // o. Set index to index + 1.
        index += 1;
    }
}

/// Promise.all ( iterable ) (27.2.4.1).
fn all(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    promise_combinator(agent, call, perform_promise_all)
}

/// PerformPromiseAll ( iteratorRecord, constructor, resultCapability, promiseResolve )
/// (27.2.4.1.2).
fn perform_promise_all(
    agent: &mut Agent,
    iterator_record: &mut IteratorRecord,
    constructor: &Value,
    result_capability: &PromiseCapability,
    promise_resolve: &Value,
) -> JsResult<Value> {
    perform_promise_all_like(
        agent,
        iterator_record,
        constructor,
        result_capability,
        promise_resolve,
        &|agent, index, values, remaining_elements| {
            // e. Let steps be the algorithm steps defined in Promise.all Resolve Element
            //    Functions.
            // f. Let length be the number of non-optional parameters of the function
            //    definition in Promise.all Resolve Element Functions.
            // g. Let onFulfilled be CreateBuiltinFunction(steps, length, "",
            //    « [[AlreadyCalled]], [[Index]], [[Values]], [[Capability]],
            //    [[RemainingElements]] »).
            // h. Set onFulfilled.[[AlreadyCalled]] to false.
            // i. Set onFulfilled.[[Index]] to index.
            // j. Set onFulfilled.[[Values]] to values.
            // k. Set onFulfilled.[[Capability]] to resultCapability.
            // l. Set onFulfilled.[[RemainingElements]] to remainingElementsCount.
            let on_fulfilled = create_promise_all_resolve_element(
                agent,
                index,
                values,
                result_capability,
                remaining_elements,
            );
            // n. ... « onFulfilled, resultCapability.[[Reject]] »
            [on_fulfilled, result_capability.reject.clone()]
        },
        &|agent, values| resolve_with_values(agent, result_capability, values),
    )
}

/// "Let valuesArray be CreateArrayFromList(values). Perform ? Call(
/// resultCapability.[[Resolve]], undefined, « valuesArray »)."
fn resolve_with_values(
    agent: &mut Agent,
    capability: &PromiseCapability,
    values: &SharedRecord<Vec<Value>>,
) -> JsResult<()> {
    let values_list = values.borrow().clone();
    let values_array = create_array_from_list(agent, values_list);
    promise_capability_call_resolve(agent, capability, Value::Object(values_array))
}

/// CreatePromiseAllResolveElement ( index, values, resultCapability,
/// remainingElementsCount ): a Promise.all Resolve Element Function with its slots set
/// (steps e-l of PerformPromiseAll, as import defer's SafePerformPromiseAll names them).
/// `values` and `remainingElementsCount` are shared records ([`SharedRecord`]).
pub fn create_promise_all_resolve_element(
    agent: &mut Agent,
    index: usize,
    values: &SharedRecord<Vec<Value>>,
    result_capability: &PromiseCapability,
    remaining_elements: &SharedRecord<f64>,
) -> Value {
    let already_called = new_shared_record(false);
    create_element_function(
        agent,
        promise_all_resolve_element,
        &already_called,
        index,
        values,
        result_capability,
        remaining_elements,
    )
}

/// Promise.all Resolve Element Functions (27.2.4.1.3).
fn promise_all_resolve_element(
    agent: &mut Agent,
    call: &BuiltinCall,
    f: &ElementFunctionSlots,
) -> JsResult<Value> {
    let x = call.arg(0);
    // 1. Let F be the active function object.
    // 2. If F.[[AlreadyCalled]] is true, return undefined.
    // 3. Set F.[[AlreadyCalled]] to true.
    if !first_call(&f.already_called) {
        return Ok(Value::Undefined);
    }
    // 4. Let index be F.[[Index]].
    // 5. Let values be F.[[Values]].
    // 6. Let promiseCapability be F.[[Capability]].
    // 7. Let remainingElementsCount be F.[[RemainingElements]].
    // 8. Set values[index] to x.
    f.values.borrow_mut()[f.index] = x;
    // 9. Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] - 1.
    // 10. If remainingElementsCount.[[Value]] = 0, then
    if add_remaining(&f.remaining_elements, -1.0) == 0.0 {
        // a. Let valuesArray be CreateArrayFromList(values).
        let values_list = f.values.borrow().clone();
        let values_array = create_array_from_list(agent, values_list);
        // b. Return ? Call(promiseCapability.[[Resolve]], undefined, « valuesArray »).
        return call_value(
            agent,
            &f.capability.resolve,
            &Value::Undefined,
            &[Value::Object(values_array)],
        );
    }
    // 11. Return undefined.
    Ok(Value::Undefined)
}

/// Promise.allSettled ( iterable ) (27.2.4.2).
fn all_settled(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    promise_combinator(agent, call, perform_promise_all_settled)
}

/// PerformPromiseAllSettled ( iteratorRecord, constructor, resultCapability,
/// promiseResolve ) (27.2.4.2.1).
fn perform_promise_all_settled(
    agent: &mut Agent,
    iterator_record: &mut IteratorRecord,
    constructor: &Value,
    result_capability: &PromiseCapability,
    promise_resolve: &Value,
) -> JsResult<Value> {
    perform_promise_all_like(
        agent,
        iterator_record,
        constructor,
        result_capability,
        promise_resolve,
        &|agent, index, values, remaining_elements| {
            // e. Let stepsFulfilled be the algorithm steps defined in Promise.allSettled
            //    Resolve Element Functions.
            // f. Let lengthFulfilled be the number of non-optional parameters of the
            //    function definition in Promise.allSettled Resolve Element Functions.
            // g. Let onFulfilled be CreateBuiltinFunction(stepsFulfilled, lengthFulfilled,
            //    "", « [[AlreadyCalled]], [[Index]], [[Values]], [[Capability]],
            //    [[RemainingElements]] »).
            // h. Let alreadyCalled be the Record { [[Value]]: false }.
            let already_called = new_shared_record(false);
            // i. Set onFulfilled.[[AlreadyCalled]] to alreadyCalled.
            // j. Set onFulfilled.[[Index]] to index.
            // k. Set onFulfilled.[[Values]] to values.
            // l. Set onFulfilled.[[Capability]] to resultCapability.
            // m. Set onFulfilled.[[RemainingElements]] to remainingElementsCount.
            let on_fulfilled = create_element_function(
                agent,
                promise_all_settled_resolve_element,
                &already_called,
                index,
                values,
                result_capability,
                remaining_elements,
            );
            // n. Let stepsRejected be the algorithm steps defined in Promise.allSettled
            //    Reject Element Functions.
            // o. Let lengthRejected be the number of non-optional parameters of the
            //    function definition in Promise.allSettled Reject Element Functions.
            // p. Let onRejected be CreateBuiltinFunction(stepsRejected, lengthRejected, "",
            //    « [[AlreadyCalled]], [[Index]], [[Values]], [[Capability]],
            //    [[RemainingElements]] »).
            // q. Set onRejected.[[AlreadyCalled]] to alreadyCalled.
            // r. Set onRejected.[[Index]] to index.
            // s. Set onRejected.[[Values]] to values.
            // t. Set onRejected.[[Capability]] to resultCapability.
            // u. Set onRejected.[[RemainingElements]] to remainingElementsCount.
            let on_rejected = create_element_function(
                agent,
                promise_all_settled_reject_element,
                &already_called,
                index,
                values,
                result_capability,
                remaining_elements,
            );
            // w. Perform ? Invoke(nextPromise, "then", « onFulfilled, onRejected »).
            [on_fulfilled, on_rejected]
        },
        &|agent, values| resolve_with_values(agent, result_capability, values),
    )
}

/// The steps Promise.allSettled Resolve Element Functions (27.2.4.2.2) and Reject
/// Element Functions (27.2.4.2.3) share: `status` is "fulfilled" with key "value", or
/// "rejected" with key "reason".
fn all_settled_element(
    agent: &mut Agent,
    call: &BuiltinCall,
    f: &ElementFunctionSlots,
    status: &str,
    key: &str,
) -> JsResult<Value> {
    let x = call.arg(0);
    // 1. Let F be the active function object.
    // 2. Let alreadyCalled be F.[[AlreadyCalled]].
    // 3. If alreadyCalled.[[Value]] is true, return undefined.
    // 4. Set alreadyCalled.[[Value]] to true.
    if !first_call(&f.already_called) {
        return Ok(Value::Undefined);
    }
    // 5. Let index be F.[[Index]].
    // 6. Let values be F.[[Values]].
    // 7. Let promiseCapability be F.[[Capability]].
    // 8. Let remainingElementsCount be F.[[RemainingElements]].
    // 9. Let obj be OrdinaryObjectCreate(%Object.prototype%).
    let obj = agent.ordinary_object();
    // 10. Perform ! CreateDataPropertyOrThrow(obj, "status", "fulfilled" / "rejected").
    create_data_property_or_throw(agent, &obj, &"status".into(), Value::string(status))?;
    // 11. Perform ! CreateDataPropertyOrThrow(obj, "value" / "reason", x).
    create_data_property_or_throw(agent, &obj, &PropertyKey::from_str(key), x)?;
    // 12. Set values[index] to obj.
    f.values.borrow_mut()[f.index] = Value::Object(obj);
    // 13. Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] - 1.
    // 14. If remainingElementsCount.[[Value]] = 0, then
    if add_remaining(&f.remaining_elements, -1.0) == 0.0 {
        // a. Let valuesArray be CreateArrayFromList(values).
        let values_list = f.values.borrow().clone();
        let values_array = create_array_from_list(agent, values_list);
        // b. Return ? Call(promiseCapability.[[Resolve]], undefined, « valuesArray »).
        return call_value(
            agent,
            &f.capability.resolve,
            &Value::Undefined,
            &[Value::Object(values_array)],
        );
    }
    // 15. Return undefined.
    Ok(Value::Undefined)
}

/// Promise.allSettled Resolve Element Functions (27.2.4.2.2).
fn promise_all_settled_resolve_element(
    agent: &mut Agent,
    call: &BuiltinCall,
    f: &ElementFunctionSlots,
) -> JsResult<Value> {
    all_settled_element(agent, call, f, "fulfilled", "value")
}

/// Promise.allSettled Reject Element Functions (27.2.4.2.3).
fn promise_all_settled_reject_element(
    agent: &mut Agent,
    call: &BuiltinCall,
    f: &ElementFunctionSlots,
) -> JsResult<Value> {
    all_settled_element(agent, call, f, "rejected", "reason")
}

/// Promise.any ( iterable ) (27.2.4.3).
fn any(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    promise_combinator(agent, call, perform_promise_any)
}

/// A newly created AggregateError object whose "errors" property is
/// CreateArrayFromList(errors) (PerformPromiseAny step 4.b.ii, Promise.any Reject Element
/// Functions step 10).
fn aggregate_error(agent: &mut Agent, errors: &SharedRecord<Vec<Value>>) -> Value {
    // 1. Let error be a newly created AggregateError object.
    let error = new_error(
        agent,
        Intrinsic::AggregateErrorPrototype,
        "All promises were rejected",
    );
    // 2. Perform ! DefinePropertyOrThrow(error, "errors", PropertyDescriptor {
    //    [[Configurable]]: true, [[Enumerable]]: false, [[Writable]]: true, [[Value]]:
    //    CreateArrayFromList(errors) }).
    let errors_list = errors.borrow().clone();
    let errors = create_array_from_list(agent, errors_list);
    define_value(&error, "errors", Value::Object(errors), true, false, true);
    Value::Object(error)
}

/// PerformPromiseAny ( iteratorRecord, constructor, resultCapability, promiseResolve )
/// (27.2.4.3.1): as PerformPromiseAll with errors for values.
fn perform_promise_any(
    agent: &mut Agent,
    iterator_record: &mut IteratorRecord,
    constructor: &Value,
    result_capability: &PromiseCapability,
    promise_resolve: &Value,
) -> JsResult<Value> {
    perform_promise_all_like(
        agent,
        iterator_record,
        constructor,
        result_capability,
        promise_resolve,
        &|agent, index, errors, remaining_elements| {
            // e. Let stepsRejected be the algorithm steps defined in Promise.any Reject
            //    Element Functions.
            // f. Let lengthRejected be the number of non-optional parameters of the
            //    function definition in Promise.any Reject Element Functions.
            // g. Let onRejected be CreateBuiltinFunction(stepsRejected, lengthRejected, "",
            //    « [[AlreadyCalled]], [[Index]], [[Errors]], [[Capability]],
            //    [[RemainingElements]] »).
            // h. Set onRejected.[[AlreadyCalled]] to false.
            // i. Set onRejected.[[Index]] to index.
            // j. Set onRejected.[[Errors]] to errors.
            // k. Set onRejected.[[Capability]] to resultCapability.
            // l. Set onRejected.[[RemainingElements]] to remainingElementsCount.
            let already_called = new_shared_record(false);
            let on_rejected = create_element_function(
                agent,
                promise_any_reject_element,
                &already_called,
                index,
                errors,
                result_capability,
                remaining_elements,
            );
            // n. Perform ? Invoke(nextPromise, "then", « resultCapability.[[Resolve]],
            //    onRejected »).
            [result_capability.resolve.clone(), on_rejected]
        },
        // b. If next is ~done~, then ... ii. If remainingElementsCount.[[Value]] = 0, then
        //    1. Let error be a newly created AggregateError object.
        //    2. Perform ! DefinePropertyOrThrow(error, "errors", ...).
        //    3. Return ThrowCompletion(error).
        &|agent, errors| Err(aggregate_error(agent, errors)),
    )
}

/// Promise.any Reject Element Functions (27.2.4.3.2).
fn promise_any_reject_element(
    agent: &mut Agent,
    call: &BuiltinCall,
    f: &ElementFunctionSlots,
) -> JsResult<Value> {
    let x = call.arg(0);
    // 1. Let F be the active function object.
    // 2. If F.[[AlreadyCalled]] is true, return undefined.
    // 3. Set F.[[AlreadyCalled]] to true.
    if !first_call(&f.already_called) {
        return Ok(Value::Undefined);
    }
    // 4. Let index be F.[[Index]].
    // 5. Let errors be F.[[Errors]].
    // 6. Let promiseCapability be F.[[Capability]].
    // 7. Let remainingElementsCount be F.[[RemainingElements]].
    // 8. Set errors[index] to x.
    f.values.borrow_mut()[f.index] = x;
    // 9. Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] - 1.
    // 10. If remainingElementsCount.[[Value]] = 0, then
    if add_remaining(&f.remaining_elements, -1.0) == 0.0 {
        // a. Let error be a newly created AggregateError object.
        // b. Perform ! DefinePropertyOrThrow(error, "errors", PropertyDescriptor {
        //    [[Configurable]]: true, [[Enumerable]]: false, [[Writable]]: true, [[Value]]:
        //    CreateArrayFromList(errors) }).
        let error = aggregate_error(agent, &f.values);
        // c. Return ? Call(promiseCapability.[[Reject]], undefined, « error »).
        return call_value(agent, &f.capability.reject, &Value::Undefined, &[error]);
    }
    // 11. Return undefined.
    Ok(Value::Undefined)
}

/// Promise.race ( iterable ) (27.2.4.5).
fn race(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    promise_combinator(agent, call, perform_promise_race)
}

/// PerformPromiseRace ( iteratorRecord, constructor, resultCapability, promiseResolve )
/// (27.2.4.5.1).
fn perform_promise_race(
    agent: &mut Agent,
    iterator_record: &mut IteratorRecord,
    constructor: &Value,
    result_capability: &PromiseCapability,
    promise_resolve: &Value,
) -> JsResult<Value> {
    // 1. Repeat,
    crate::step!("sec-performpromiserace", "1");
    loop {
        // a. Let next be ? IteratorStepValue(iteratorRecord).
        crate::step!("sec-performpromiserace", "1.a");
        let next = iterator_step_value(agent, iterator_record)?;
        // b. If next is done, then
        crate::step!("sec-performpromiserace", "1.b");
        let Some(next) = next else {
            // i. Return resultCapability.[[Promise]].
            crate::step!("sec-performpromiserace", "1.b.i");
            return Ok(Value::Object(result_capability.promise.clone()));
        };
        // c. Let nextPromise be ? Call(promiseResolve, constructor, « next »).
        crate::step!("sec-performpromiserace", "1.c");
        let next_promise = call_value(agent, promise_resolve, constructor, &[next])?;
        // d. Perform ? Invoke(nextPromise, "then", « resultCapability.[[Resolve]],
        //    resultCapability.[[Reject]] »).
        crate::step!("sec-performpromiserace", "1.d");
        invoke(
            agent,
            &next_promise,
            &"then".into(),
            &[
                result_capability.resolve.clone(),
                result_capability.reject.clone(),
            ],
        )?;
    }
}

/// Promise.reject ( r ) (27.2.4.6).
fn reject(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let C be the this value.
    // 2. Let promiseCapability be ? NewPromiseCapability(C).
    let promise_capability = new_promise_capability(agent, call.this)?;
    // 3. Perform ? Call(promiseCapability.[[Reject]], undefined, « r »).
    promise_capability_call_reject(agent, &promise_capability, call.arg(0))?;
    // 4. Return promiseCapability.[[Promise]].
    Ok(Value::Object(promise_capability.promise))
}

/// Promise.resolve ( x ) (27.2.4.7).
fn resolve(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let C be the this value.
    // 2. If C is not an Object, throw a TypeError exception.
    let Value::Object(c) = call.this else {
        return Err(agent.type_error("Promise.resolve called on a non-object"));
    };
    // 3. Return ? PromiseResolve(C, x).
    Ok(Value::Object(promise_resolve(agent, c, call.arg(0))?))
}

/// Promise.try ( callback, ...args ) (27.2.4.8).
fn try_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let C be the this value.
    // 2. If C is not an Object, throw a TypeError exception.
    if !call.this.is_object() {
        return Err(agent.type_error("Promise.try called on a non-object"));
    }
    // 3. Let promiseCapability be ? NewPromiseCapability(C).
    let promise_capability = new_promise_capability(agent, call.this)?;
    // 4. Let status be Completion(Call(callback, undefined, args)).
    let args = call.args.get(1..).unwrap_or_default();
    let status = call_value(agent, &call.arg(0), &Value::Undefined, args);
    match status {
        // 5. If status is an abrupt completion, then
        //    a. Perform ? Call(promiseCapability.[[Reject]], undefined,
        //       « status.[[Value]] »).
        Err(thrown) => promise_capability_call_reject(agent, &promise_capability, thrown)?,
        // 6. Else,
        //    a. Perform ? Call(promiseCapability.[[Resolve]], undefined,
        //       « status.[[Value]] »).
        Ok(value) => promise_capability_call_resolve(agent, &promise_capability, value)?,
    }
    // 7. Return promiseCapability.[[Promise]].
    Ok(Value::Object(promise_capability.promise))
}

/// Promise.withResolvers ( ) (27.2.4.9).
fn with_resolvers(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let C be the this value.
    // 2. Let promiseCapability be ? NewPromiseCapability(C).
    let promise_capability = new_promise_capability(agent, call.this)?;
    // 3. Let obj be OrdinaryObjectCreate(%Object.prototype%).
    let obj = agent.ordinary_object();
    // 4. Perform ! CreateDataPropertyOrThrow(obj, "promise", promiseCapability.[[Promise]]).
    create_data_property_or_throw(
        agent,
        &obj,
        &"promise".into(),
        Value::Object(promise_capability.promise),
    )?;
    // 5. Perform ! CreateDataPropertyOrThrow(obj, "resolve", promiseCapability.[[Resolve]]).
    create_data_property_or_throw(agent, &obj, &"resolve".into(), promise_capability.resolve)?;
    // 6. Perform ! CreateDataPropertyOrThrow(obj, "reject", promiseCapability.[[Reject]]).
    create_data_property_or_throw(agent, &obj, &"reject".into(), promise_capability.reject)?;
    // 7. Return obj.
    Ok(Value::Object(obj))
}

/// get Promise [ %Symbol.species% ] (27.2.4.10).
fn get_species(_agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return the this value.
    Ok(call.this.clone())
}

/// Promise.prototype.catch ( onRejected ) (27.2.5.1).
fn catch(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let promise be the this value.
    // 2. Return ? Invoke(promise, "then", « undefined, onRejected »).
    invoke(
        agent,
        call.this,
        &"then".into(),
        &[Value::Undefined, call.arg(0)],
    )
}

/// Promise.prototype.finally ( onFinally ) (27.2.5.3).
fn finally(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let on_finally = call.arg(0);
    // 1. Let promise be the this value.
    // 2. If promise is not an Object, throw a TypeError exception.
    let Value::Object(promise) = call.this else {
        return Err(agent.type_error("Promise.prototype.finally called on a non-object"));
    };
    // 3. Let C be ? SpeciesConstructor(promise, %Promise%).
    let default_constructor = agent.intrinsic(Intrinsic::Promise);
    let c = species_constructor(agent, promise, &default_constructor)?;
    // 4. Assert: IsConstructor(C) is true.
    let (then_finally, catch_finally) = if !is_callable(&on_finally) {
        // 5. If IsCallable(onFinally) is false, then
        //    a. Let thenFinally be onFinally.
        //    b. Let catchFinally be onFinally.
        (on_finally.clone(), on_finally)
    } else {
        // 6. Else,
        //    a. Let thenFinallyClosure be a new Abstract Closure with parameters (value)
        //       that captures onFinally and C and performs the following steps when
        //       called: (then_finally_closure)
        //    b. Let thenFinally be CreateBuiltinFunction(thenFinallyClosure, 1, "", « »).
        let then_finally = builtin_closure(
            agent,
            then_finally_closure,
            1.0,
            FinallyCaptures {
                on_finally: on_finally.clone(),
                c: c.clone(),
            },
        );
        //    c. Let catchFinallyClosure be a new Abstract Closure with parameters
        //       (reason) that captures onFinally and C and performs the following steps
        //       when called: (catch_finally_closure)
        //    d. Let catchFinally be CreateBuiltinFunction(catchFinallyClosure, 1, "",
        //       « »).
        let catch_finally = builtin_closure(
            agent,
            catch_finally_closure,
            1.0,
            FinallyCaptures { on_finally, c },
        );
        (Value::Object(then_finally), Value::Object(catch_finally))
    };
    // 7. Return ? Invoke(promise, "then", « thenFinally, catchFinally »).
    invoke(
        agent,
        call.this,
        &"then".into(),
        &[then_finally, catch_finally],
    )
}

/// What thenFinallyClosure and catchFinallyClosure capture: onFinally and C.
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct FinallyCaptures {
    on_finally: Value,
    c: Object,
}

/// The steps thenFinallyClosure and catchFinallyClosure share (27.2.5.3 steps 6.a.i-ii,
/// 6.c.i-ii): "Let result be ? Call(onFinally, undefined). Let p be ? PromiseResolve(C,
/// result)."
fn call_on_finally(agent: &mut Agent, captures: &FinallyCaptures) -> JsResult<Object> {
    // i. Let result be ? Call(onFinally, undefined).
    let result = call_value(agent, &captures.on_finally, &Value::Undefined, &[])?;
    // ii. Let p be ? PromiseResolve(C, result).
    promise_resolve(agent, &captures.c, result)
}

/// thenFinallyClosure of Promise.prototype.finally (27.2.5.3 step 6.a).
fn then_finally_closure(
    agent: &mut Agent,
    call: &BuiltinCall,
    captures: &FinallyCaptures,
) -> JsResult<Value> {
    let value = call.arg(0);
    // i. Let result be ? Call(onFinally, undefined).
    // ii. Let p be ? PromiseResolve(C, result).
    let p = call_on_finally(agent, captures)?;
    // iii. Let returnValue be a new Abstract Closure with no parameters that captures
    //      value and performs the following steps when called:
    //      1. Return value.
    // iv. Let valueThunk be CreateBuiltinFunction(returnValue, 0, "", « »).
    let value_thunk = builtin_closure(agent, return_value_closure, 0.0, value);
    // v. Return ? Invoke(p, "then", « valueThunk »).
    invoke(
        agent,
        &Value::Object(p),
        &"then".into(),
        &[Value::Object(value_thunk)],
    )
}

/// returnValue of thenFinallyClosure (27.2.5.3 step 6.a.iii).
fn return_value_closure(_agent: &mut Agent, _call: &BuiltinCall, value: &Value) -> JsResult<Value> {
    // 1. Return value.
    Ok(value.clone())
}

/// catchFinallyClosure of Promise.prototype.finally (27.2.5.3 step 6.c).
fn catch_finally_closure(
    agent: &mut Agent,
    call: &BuiltinCall,
    captures: &FinallyCaptures,
) -> JsResult<Value> {
    let reason = call.arg(0);
    // i. Let result be ? Call(onFinally, undefined).
    // ii. Let p be ? PromiseResolve(C, result).
    let p = call_on_finally(agent, captures)?;
    // iii. Let throwReason be a new Abstract Closure with no parameters that captures
    //      reason and performs the following steps when called:
    //      1. Return ThrowCompletion(reason).
    // iv. Let thrower be CreateBuiltinFunction(throwReason, 0, "", « »).
    let thrower = builtin_closure(agent, throw_reason_closure, 0.0, reason);
    // v. Return ? Invoke(p, "then", « thrower »).
    invoke(
        agent,
        &Value::Object(p),
        &"then".into(),
        &[Value::Object(thrower)],
    )
}

/// throwReason of catchFinallyClosure (27.2.5.3 step 6.c.iii).
fn throw_reason_closure(
    _agent: &mut Agent,
    _call: &BuiltinCall,
    reason: &Value,
) -> JsResult<Value> {
    // 1. Return ThrowCompletion(reason).
    Err(reason.clone())
}

/// Promise.prototype.then ( onFulfilled, onRejected ) (27.2.5.4).
fn then(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let promise be the this value.
    // 2. If IsPromise(promise) is false, throw a TypeError exception.
    let promise = match call.this {
        Value::Object(promise) if is_promise(call.this) => promise,
        _ => return Err(agent.type_error("Promise.prototype.then called on a non-promise")),
    };
    // 3. Let C be ? SpeciesConstructor(promise, %Promise%).
    let default_constructor = agent.intrinsic(Intrinsic::Promise);
    let c = species_constructor(agent, promise, &default_constructor)?;
    // 4. Let resultCapability be ? NewPromiseCapability(C).
    //    (For the current realm's %Promise%, not while tracing: the new pending promise
    //    and its resolving functions' realm, the functions deferred to the reaction job,
    //    the only code that can call them; `ReactionCapability::Deferred`.)
    let result_capability = if c == default_constructor && !crate::trace::enabled() {
        ReactionCapability::Deferred {
            promise: new_pending_promise(agent),
            realm: agent.current_realm(),
        }
    } else {
        ReactionCapability::Record(Box::new(new_promise_capability(agent, &Value::Object(c))?))
    };
    // 5. Return PerformPromiseThen(promise, onFulfilled, onRejected, resultCapability).
    Ok(perform_promise_then_with(
        agent,
        promise,
        call.arg(0),
        call.arg(1),
        Some(result_capability),
    ))
}

/// Creates %Promise% (27.2.3, 27.2.4) and %Promise.prototype% (27.2.5).
pub fn create_promise_intrinsics(agent: &mut Agent, realm: &Realm) {
    // 27.2.5: %Promise.prototype% is an ordinary object whose [[Prototype]] is
    // %Object.prototype%; it is not a Promise instance.
    let object_prototype = realm.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = ordinary_object_create(Some(object_prototype));
    realm.set_intrinsic(Intrinsic::PromisePrototype, prototype.clone());
    let promise = define_constructor(
        agent,
        realm,
        Intrinsic::Promise,
        "Promise",
        1,
        promise_constructor,
        &prototype,
        None,
    );
    let statics: &[(&str, u32, Behaviour)] = &[
        ("all", 1, all),
        ("allSettled", 1, all_settled),
        ("any", 1, any),
        ("race", 1, race),
        ("reject", 1, reject),
        ("resolve", 1, resolve),
        ("try", 1, try_method),
        ("withResolvers", 0, with_resolvers),
    ];
    for &(name, length, behaviour) in statics {
        define_method(agent, &promise, name, length, behaviour);
    }
    let species = PropertyKey::Symbol(agent.well_known.species.clone());
    define_accessor(agent, &promise, species, Some(get_species), None);

    let methods: &[(&str, u32, Behaviour)] = &[
        ("catch", 1, catch),
        ("finally", 1, finally),
        ("then", 2, then),
    ];
    for &(name, length, behaviour) in methods {
        define_method(agent, &prototype, name, length, behaviour);
    }
    // 27.2.5.5 Promise.prototype [ %Symbol.toStringTag% ]: "Promise", { [[Writable]]:
    // false, [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(
        &prototype,
        tag,
        Value::string("Promise"),
        false,
        false,
        true,
    );
}
