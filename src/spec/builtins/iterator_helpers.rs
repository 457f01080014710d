//! The iterator helpers of ECMAScript 2025: Iterator.from (27.1.3.2.1) with
//! GetIteratorFlattenable (7.4.5) and %WrapForValidIteratorPrototype% (27.1.3.2.1.1),
//! %IteratorHelperPrototype% (27.1.2.1), and the %Iterator.prototype% methods drop,
//! every, filter, find, flatMap, forEach, map, reduce, some, take and toArray (27.1.4).
//!
//! # Why the helpers are state machines
//!
//! The specification writes map, filter, take, drop and flatMap as generator-style abstract
//! closures: CreateIteratorFromClosure (27.5.3.8) makes a generator
//! object whose [[GeneratorContext]] runs the closure, and the closure's Yield
//! (GeneratorYield, 27.5.3.6) suspends that context in the middle of a loop until the next
//! `next()` or `return()`. This interpreter has no suspendable execution contexts yet
//! (generators come later with stackful suspension), so each helper keeps, instead of a
//! suspended context, exactly the closure state that is live across its single Yield point:
//!
//! * [`GeneratorState`] is the helper's [[GeneratorState]]: ~suspended-start~ (the closure
//!   has not started), ~suspended-yield~ (it is suspended at its Yield), ~executing~ (a
//!   `next()` or `return()` is running it: reentrant calls throw, GeneratorValidate step 6)
//!   and ~completed~.
//! * [`HelperClosure`] is which closure it is, with its captures (mapper, predicate) and
//!   its local variables (counter, remaining, and flatMap's innerIterator).
//! * `next()` (GeneratorResume) runs [`resume`]: from ~suspended-start~ it starts at the
//!   closure's first step; from ~suspended-yield~ it first performs the steps that follow
//!   the Yield for a normal completion (for example map's "Set counter to counter + 1"),
//!   then continues the loop. Reaching a Yield returns `Some(value)` (the helper becomes
//!   ~suspended-yield~ and `next()` returns { value, done: false }); the closure returning
//!   gives `None` (the helper becomes ~completed~ and `next()` returns { undefined, done:
//!   true }); a throw completes the helper and propagates.
//! * `return()` on a helper suspended at its Yield (GeneratorResumeAbrupt with a return
//!   completion) runs [`resume_return`]: the steps that follow the Yield for an abrupt
//!   completion (IfAbruptCloseIterator, or flatMap's closing of the inner then the outer
//!   iterator), after which the closure has returned.
//!
//! Every closure has one Yield and no other suspension point, so these two entry points
//! cover all of the closure's steps; the step comments below are the closures' own.
//!
//! The Iterator Records kept in objects are [`IteratedRecord`]s (an Iterator Record without
//! [[Done]], which no helper reads after creating the helper).

use super::helpers::{define_method, define_value};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::{InternalSlot, ObjectKind};
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_iterator_objects::{
    create_iterator_result_object, get_iterator_direct, iterator_close, iterator_step,
    iterator_step_value, IteratorRecord,
};
use crate::spec::operations_on_objects::{
    call, create_array_from_list, get_method, ordinary_has_instance,
};
use crate::spec::ordinary_object_internal_methods::{
    ordinary_object_create, ordinary_object_create_with, require_internal_slot,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::testing_and_comparison::is_callable;
use crate::spec::type_conversion::{integer_or_infinity, to_boolean, to_number};
use crate::spec::value::Value;
use boa_gc::{Finalize, Trace};

/// An Iterator Record (7.4.1) as an object keeps it: [[Iterator]] and [[NextMethod]].
#[derive(Clone, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct IteratedRecord {
    pub iterator: Object,
    pub next_method: Value,
}

impl IteratedRecord {
    fn from_record(record: &IteratorRecord) -> IteratedRecord {
        IteratedRecord {
            iterator: record.iterator.clone(),
            next_method: record.next_method.clone(),
        }
    }

    fn to_record(&self) -> IteratorRecord {
        IteratorRecord {
            iterator: self.iterator.clone(),
            next_method: self.next_method.clone(),
            done: false,
        }
    }
}

/// [[GeneratorState]] (27.5.2) of an iterator helper.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub enum GeneratorState {
    SuspendedStart,
    SuspendedYield,
    Executing,
    Completed,
}

/// Which abstract closure an iterator helper runs, with its captures and the local
/// variables that live across its Yield.
#[derive(Clone, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub enum HelperClosure {
    /// Iterator.prototype.map: captures mapper; local counter.
    Map { mapper: Value, counter: f64 },
    /// Iterator.prototype.filter: captures predicate; local counter.
    Filter { predicate: Value, counter: f64 },
    /// Iterator.prototype.take: local remaining (+∞ as `f64::INFINITY`).
    Take { remaining: f64 },
    /// Iterator.prototype.drop: local remaining.
    Drop { remaining: f64 },
    /// Iterator.prototype.flatMap: captures mapper; locals counter and, while the inner
    /// loop runs (innerAlive is true), innerIterator.
    FlatMap {
        mapper: Value,
        counter: f64,
        inner: Option<IteratedRecord>,
    },
}

/// The internal slots of an iterator helper object: [[GeneratorState]],
/// [[GeneratorBrand]] (always "Iterator Helper"), [[UnderlyingIterator]], and in place of
/// [[GeneratorContext]] the closure's state.
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct IteratorHelperData {
    pub state: GeneratorState,
    pub underlying: IteratedRecord,
    pub closure: HelperClosure,
}

/// IfAbruptCloseIterator ( value, iteratorRecord ) (7.4.12).
fn if_abrupt_close_iterator<T>(
    agent: &mut Agent,
    record: &IteratorRecord,
    value: JsResult<T>,
) -> JsResult<T> {
    match value {
        // 2. Else, set value to ! value.
        Ok(v) => Ok(v),
        // 1. Assert: value is a Completion Record.
        // 2. If value is an abrupt completion, return ? IteratorClose(iteratorRecord, value).
        Err(e) => iterator_close(agent, record, Err(e)),
    }
}

/// The primitiveHandling argument of GetIteratorFlattenable.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PrimitiveHandling {
    IterateStringPrimitives,
    RejectPrimitives,
}

/// GetIteratorFlattenable ( obj, primitiveHandling ) (7.4.5).
fn get_iterator_flattenable(
    agent: &mut Agent,
    obj: &Value,
    primitive_handling: PrimitiveHandling,
) -> JsResult<IteratorRecord> {
    // 1. If obj is not an Object, then
    if !obj.is_object() {
        // a. If primitiveHandling is ~reject-primitives~, throw a TypeError exception.
        if primitive_handling == PrimitiveHandling::RejectPrimitives {
            return Err(agent.type_error(&format!(
                "{} is not an iterator or iterable object",
                obj.type_name()
            )));
        }
        // b. Assert: primitiveHandling is ~iterate-string-primitives~.
        // c. If obj is not a String, throw a TypeError exception.
        if !matches!(obj, Value::String(_)) {
            return Err(agent.type_error(&format!(
                "{} is not an iterator, an iterable or a string",
                obj.type_name()
            )));
        }
    }
    // 2. Let method be ? GetMethod(obj, %Symbol.iterator%).
    let key = PropertyKey::Symbol(agent.well_known.iterator.clone());
    let method = get_method(agent, obj, &key)?;
    let iterator = match method {
        // 3. If method is undefined, then
        //    a. Let iterator be obj.
        None => obj.clone(),
        // 4. Else,
        //    a. Let iterator be ? Call(method, obj).
        Some(method) => call(agent, &method, obj, &[])?,
    };
    // 5. If iterator is not an Object, throw a TypeError exception.
    let Value::Object(iterator) = iterator else {
        return Err(agent.type_error("the iterator method returned a non-object"));
    };
    // 6. Return ? GetIteratorDirect(iterator).
    get_iterator_direct(agent, &iterator)
}

// ---------------------------------------------------------------------------------------
// Iterator.from and %WrapForValidIteratorPrototype%
// ---------------------------------------------------------------------------------------

/// Iterator.from ( O ) (27.1.3.2.1).
fn iterator_from(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let iteratorRecord be ? GetIteratorFlattenable(O, ~iterate-string-primitives~).
    let iterator_record = get_iterator_flattenable(
        agent,
        &call.arg(0),
        PrimitiveHandling::IterateStringPrimitives,
    )?;
    // 2. Let hasInstance be ? OrdinaryHasInstance(%Iterator%, iteratorRecord.[[Iterator]]).
    let iterator_constructor = Value::Object(agent.intrinsic(Intrinsic::Iterator));
    let iterator = Value::Object(iterator_record.iterator.clone());
    let has_instance = ordinary_has_instance(agent, &iterator_constructor, &iterator)?;
    // 3. If hasInstance is true, then
    //    a. Return iteratorRecord.[[Iterator]].
    if has_instance {
        return Ok(iterator);
    }
    // 4. Let wrapper be OrdinaryObjectCreate(%WrapForValidIteratorPrototype%,
    //    « [[Iterated]] »).
    // 5. Set wrapper.[[Iterated]] to iteratorRecord.
    let proto = agent.intrinsic(Intrinsic::WrapForValidIteratorPrototype);
    let wrapper = ordinary_object_create_with(
        Some(proto),
        ObjectKind::WrapForValidIterator(Box::new(IteratedRecord::from_record(&iterator_record))),
    );
    // 6. Return wrapper.
    Ok(Value::Object(wrapper))
}

/// RequireInternalSlot(O, [[Iterated]]), returning O.[[Iterated]].
fn require_iterated(agent: &mut Agent, o: &Value, method: &str) -> JsResult<IteratedRecord> {
    let o = require_internal_slot(
        agent,
        o,
        InternalSlot::Iterated,
        format_args!("%WrapForValidIteratorPrototype%.{method}"),
    )?;
    let record = match &o.data().kind {
        ObjectKind::WrapForValidIterator(record) => (**record).clone(),
        _ => unreachable!("RequireInternalSlot checked [[Iterated]]"),
    };
    Ok(record)
}

/// %WrapForValidIteratorPrototype%.next ( ) (27.1.3.2.1.1.1).
fn wrap_next(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be this value.
    // 2. Perform ? RequireInternalSlot(O, [[Iterated]]).
    // 3. Let iteratorRecord be O.[[Iterated]].
    let iterator_record = require_iterated(agent, call.this, "next")?;
    // 4. Return ? Call(iteratorRecord.[[NextMethod]], iteratorRecord.[[Iterator]]).
    self::call(
        agent,
        &iterator_record.next_method,
        &Value::Object(iterator_record.iterator),
        &[],
    )
}

/// %WrapForValidIteratorPrototype%.return ( ) (27.1.3.2.1.1.2).
fn wrap_return(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be this value.
    // 2. Perform ? RequireInternalSlot(O, [[Iterated]]).
    // 3. Let iterator be O.[[Iterated]].[[Iterator]].
    // 4. Assert: iterator is an Object.
    let iterator = Value::Object(require_iterated(agent, call.this, "return")?.iterator);
    // 5. Let returnMethod be ? GetMethod(iterator, "return").
    let return_method = get_method(agent, &iterator, &"return".into())?;
    match return_method {
        // 6. If returnMethod is undefined, then
        //    a. Return CreateIteratorResultObject(undefined, true).
        None => Ok(Value::Object(create_iterator_result_object(
            agent,
            Value::Undefined,
            true,
        ))),
        // 7. Return ? Call(returnMethod, iterator).
        Some(return_method) => self::call(agent, &return_method, &iterator, &[]),
    }
}

// ---------------------------------------------------------------------------------------
// %IteratorHelperPrototype% and the helpers' closures
// ---------------------------------------------------------------------------------------

/// CreateIteratorFromClosure ( closure, "Iterator Helper", %IteratorHelperPrototype%,
/// « [[UnderlyingIterator]] » ) (27.5.3.8) followed by the callers' "Set
/// result.[[UnderlyingIterator]] to iterated."
fn create_iterator_helper(
    agent: &mut Agent,
    iterated: &IteratorRecord,
    closure: HelperClosure,
) -> Value {
    // 1. NOTE: closure can contain uses of the Yield operation to yield an IteratorResult
    //    object.
    // 2-3. Let internalSlotsList be the list-concatenation of « [[GeneratorState]],
    //    [[GeneratorContext]], [[GeneratorBrand]] » and extraSlots.
    // 4. Let generator be OrdinaryObjectCreate(generatorPrototype, internalSlotsList).
    // 5. Set generator.[[GeneratorBrand]] to generatorBrand.
    // 6. Set generator.[[GeneratorState]] to ~suspended-start~.
    // 7-13. (The closure's execution context: here, `closure` in its start state.)
    // (Caller) Set result.[[UnderlyingIterator]] to iterated.
    // 14. Return generator.
    let proto = agent.intrinsic(Intrinsic::IteratorHelperPrototype);
    Value::Object(ordinary_object_create_with(
        Some(proto),
        ObjectKind::IteratorHelper(Box::new(IteratorHelperData {
            state: GeneratorState::SuspendedStart,
            underlying: IteratedRecord::from_record(iterated),
            closure,
        })),
    ))
}

/// GeneratorValidate ( generator, "Iterator Helper" ) (27.5.3.2), returning the generator
/// object and its state.
fn generator_validate(agent: &mut Agent, generator: &Value) -> JsResult<(Object, GeneratorState)> {
    // 1. Perform ? RequireInternalSlot(generator, [[GeneratorState]]).
    // 2. Perform ? RequireInternalSlot(generator, [[GeneratorBrand]]).
    // 3. If generator.[[GeneratorBrand]] is not generatorBrand, throw a TypeError
    //    exception.
    // (Iterator helpers are the only objects with these slots, all branded "Iterator
    // Helper".)
    let state = match generator {
        Value::Object(o) => match &o.data().kind {
            ObjectKind::IteratorHelper(d) => Some((o.clone(), d.state)),
            _ => None,
        },
        _ => None,
    };
    let Some((generator, state)) = state else {
        return Err(agent.type_error("not an Iterator Helper object"));
    };
    // 4. Assert: generator also has a [[GeneratorContext]] internal slot.
    // 5. Let state be generator.[[GeneratorState]].
    // 6. If state is ~executing~, throw a TypeError exception.
    if state == GeneratorState::Executing {
        return Err(agent.type_error("the Iterator Helper is already running"));
    }
    // 7. Return state.
    Ok((generator, state))
}

fn set_state(o: &Object, state: GeneratorState) {
    if let ObjectKind::IteratorHelper(d) = &mut o.data_mut().kind {
        d.state = state;
    }
}

/// The underlying Iterator Record and the closure state of a helper (copied out, so that
/// no borrow of the object is held while the closure calls into ECMAScript code).
fn helper_parts(o: &Object) -> (IteratorRecord, HelperClosure) {
    match &o.data().kind {
        ObjectKind::IteratorHelper(d) => (d.underlying.to_record(), d.closure.clone()),
        _ => unreachable!("validated by GeneratorValidate"),
    }
}

fn store_closure(o: &Object, closure: HelperClosure) {
    if let ObjectKind::IteratorHelper(d) = &mut o.data_mut().kind {
        d.closure = closure;
    }
}

/// Runs a helper's closure from where it is suspended (the start when `from_yield` is
/// false, just after its Yield returned a normal completion otherwise) to its next Yield
/// (`Some(value)`) or its end (`None`: it returned undefined).
fn resume(agent: &mut Agent, o: &Object, from_yield: bool) -> JsResult<Option<Value>> {
    let (mut iterated, closure) = helper_parts(o);
    match closure {
        HelperClosure::Map {
            mapper,
            mut counter,
        } => {
            // (Iterator.prototype.map step 6.)
            // a. Let counter be 0. (Stored at creation.)
            if from_yield {
                // b.vi. IfAbruptCloseIterator(completion, iterated). (A normal completion.)
                // b.vii. Set counter to counter + 1.
                counter += 1.0;
            }
            // b. Repeat,
            //    i. Let value be ? IteratorStepValue(iterated).
            //    ii. If value is ~done~, return ReturnCompletion(undefined).
            let Some(value) = iterator_step_value(agent, &mut iterated)? else {
                return Ok(None);
            };
            //    iii. Let mapped be Completion(Call(mapper, undefined, « value,
            //         𝔽(counter) »)).
            let mapped = call(
                agent,
                &mapper,
                &Value::Undefined,
                &[value, Value::Number(counter)],
            );
            //    iv. IfAbruptCloseIterator(mapped, iterated).
            let mapped = if_abrupt_close_iterator(agent, &iterated, mapped)?;
            //    v. Let completion be Completion(Yield(mapped)).
            store_closure(o, HelperClosure::Map { mapper, counter });
            Ok(Some(mapped))
        }
        HelperClosure::Filter {
            predicate,
            mut counter,
        } => {
            // (Iterator.prototype.filter step 6.)
            // a. Let counter be 0. (Stored at creation.)
            if from_yield {
                // b.v.2. IfAbruptCloseIterator(completion, iterated). (A normal completion.)
                // b.vi. Set counter to counter + 1.
                counter += 1.0;
            }
            // b. Repeat,
            loop {
                // i. Let value be ? IteratorStepValue(iterated).
                // ii. If value is ~done~, return ReturnCompletion(undefined).
                let Some(value) = iterator_step_value(agent, &mut iterated)? else {
                    return Ok(None);
                };
                // iii. Let selected be Completion(Call(predicate, undefined, « value,
                //      𝔽(counter) »)).
                let selected = call(
                    agent,
                    &predicate,
                    &Value::Undefined,
                    &[value.clone(), Value::Number(counter)],
                );
                // iv. IfAbruptCloseIterator(selected, iterated).
                let selected = if_abrupt_close_iterator(agent, &iterated, selected)?;
                // v. If ToBoolean(selected) is true, then
                if to_boolean(&selected) {
                    // 1. Let completion be Completion(Yield(value)).
                    store_closure(o, HelperClosure::Filter { predicate, counter });
                    return Ok(Some(value));
                }
                // vi. Set counter to counter + 1.
                counter += 1.0;
            }
        }
        HelperClosure::Take { mut remaining } => {
            // (Iterator.prototype.take step 10.)
            // a. Let remaining be integerLimit. (Stored at creation.)
            // (After the Yield: vi. IfAbruptCloseIterator(completion, iterated), a normal
            // completion.)
            // b. Repeat,
            //    i. If remaining = 0, then
            if remaining == 0.0 {
                // 1. Return ? IteratorClose(iterated, ReturnCompletion(undefined)).
                iterator_close(agent, &iterated, Ok(()))?;
                return Ok(None);
            }
            //    ii. If remaining ≠ +∞, then
            //        1. Set remaining to remaining - 1.
            if remaining != f64::INFINITY {
                remaining -= 1.0;
            }
            //    iii. Let value be ? IteratorStepValue(iterated).
            //    iv. If value is ~done~, return ReturnCompletion(undefined).
            let Some(value) = iterator_step_value(agent, &mut iterated)? else {
                return Ok(None);
            };
            //    v. Let completion be Completion(Yield(value)).
            store_closure(o, HelperClosure::Take { remaining });
            Ok(Some(value))
        }
        HelperClosure::Drop { mut remaining } => {
            // (Iterator.prototype.drop step 10.)
            // a. Let remaining be integerLimit. (Stored at creation.)
            if !from_yield {
                // b. Repeat, while remaining > 0,
                while remaining > 0.0 {
                    // i. If remaining ≠ +∞, then
                    //    1. Set remaining to remaining - 1.
                    if remaining != f64::INFINITY {
                        remaining -= 1.0;
                    }
                    // ii. Let next be ? IteratorStep(iterated).
                    // iii. If next is ~done~, return ReturnCompletion(undefined).
                    if iterator_step(agent, &mut iterated)?.is_none() {
                        return Ok(None);
                    }
                }
            }
            // (After the Yield: c.iv. IfAbruptCloseIterator(completion, iterated), a normal
            // completion.)
            // c. Repeat,
            //    i. Let value be ? IteratorStepValue(iterated).
            //    ii. If value is ~done~, return ReturnCompletion(undefined).
            let Some(value) = iterator_step_value(agent, &mut iterated)? else {
                return Ok(None);
            };
            //    iii. Let completion be Completion(Yield(value)).
            store_closure(o, HelperClosure::Drop { remaining });
            Ok(Some(value))
        }
        HelperClosure::FlatMap {
            mapper,
            mut counter,
            mut inner,
        } => {
            // (Iterator.prototype.flatMap step 6.)
            // a. Let counter be 0. (Stored at creation.)
            // (After the Yield: b.viii.4.b, the completion is normal: the inner loop goes
            // on, innerAlive still being true.)
            // b. Repeat,
            loop {
                let mut inner_iterator = match &inner {
                    Some(inner) => inner.to_record(),
                    None => {
                        // i. Let value be ? IteratorStepValue(iterated).
                        // ii. If value is ~done~, return ReturnCompletion(undefined).
                        let Some(value) = iterator_step_value(agent, &mut iterated)? else {
                            return Ok(None);
                        };
                        // iii. Let mapped be Completion(Call(mapper, undefined, « value,
                        //      𝔽(counter) »)).
                        let mapped = call(
                            agent,
                            &mapper,
                            &Value::Undefined,
                            &[value, Value::Number(counter)],
                        );
                        // iv. IfAbruptCloseIterator(mapped, iterated).
                        let mapped = if_abrupt_close_iterator(agent, &iterated, mapped)?;
                        // v. Let innerIterator be Completion(GetIteratorFlattenable(mapped,
                        //    ~reject-primitives~)).
                        let inner_iterator = get_iterator_flattenable(
                            agent,
                            &mapped,
                            PrimitiveHandling::RejectPrimitives,
                        );
                        // vi. IfAbruptCloseIterator(innerIterator, iterated).
                        let inner_iterator =
                            if_abrupt_close_iterator(agent, &iterated, inner_iterator)?;
                        // vii. Let innerAlive be true.
                        inner = Some(IteratedRecord::from_record(&inner_iterator));
                        inner_iterator
                    }
                };
                // viii. Repeat, while innerAlive is true,
                //    1. Let innerValue be Completion(IteratorStepValue(innerIterator)).
                let inner_value = iterator_step_value(agent, &mut inner_iterator);
                //    2. IfAbruptCloseIterator(innerValue, iterated).
                let inner_value = if_abrupt_close_iterator(agent, &iterated, inner_value)?;
                match inner_value {
                    //    3. If innerValue is ~done~, then
                    //       a. Set innerAlive to false.
                    None => {
                        inner = None;
                        // ix. Set counter to counter + 1.
                        counter += 1.0;
                    }
                    //    4. Else,
                    //       a. Let completion be Completion(Yield(innerValue)).
                    Some(inner_value) => {
                        store_closure(
                            o,
                            HelperClosure::FlatMap {
                                mapper,
                                counter,
                                inner,
                            },
                        );
                        return Ok(Some(inner_value));
                    }
                }
            }
        }
    }
}

/// Resumes a helper suspended at its Yield with a return completion (GeneratorResumeAbrupt
/// step 5 onwards): the steps that follow the Yield for an abrupt completion. On `Ok` the
/// closure has returned (the return completion propagated out of it).
fn resume_return(agent: &mut Agent, o: &Object) -> JsResult<()> {
    let (iterated, closure) = helper_parts(o);
    match closure {
        // map b.vi, filter b.v.2, take b.vi, drop c.iv: IfAbruptCloseIterator(completion,
        // iterated), that is ? IteratorClose(iterated, completion) with completion the
        // return completion.
        HelperClosure::Map { .. }
        | HelperClosure::Filter { .. }
        | HelperClosure::Take { .. }
        | HelperClosure::Drop { .. } => iterator_close(agent, &iterated, Ok(())),
        HelperClosure::FlatMap { inner, .. } => {
            // viii.4.b. If completion is an abrupt completion, then
            let inner = inner
                .expect("a flatMap helper suspended at its Yield is in its inner loop")
                .to_record();
            //   i. Let backupCompletion be Completion(IteratorClose(innerIterator,
            //      completion)).
            let backup_completion = iterator_close(agent, &inner, Ok(()));
            //   ii. IfAbruptCloseIterator(backupCompletion, iterated).
            if_abrupt_close_iterator(agent, &iterated, backup_completion)?;
            //   iii. Return ? IteratorClose(iterated, completion).
            iterator_close(agent, &iterated, Ok(()))
        }
    }
}

/// %IteratorHelperPrototype%.next ( ) (27.1.2.1.1).
fn helper_next(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return ? GeneratorResume(this value, ~empty~, "Iterator Helper").
    // GeneratorResume ( generator, value, generatorBrand ) (27.5.3.3):
    // 1. Let state be ? GeneratorValidate(generator, generatorBrand).
    let (generator, state) = generator_validate(agent, call.this)?;
    // 2. If state is ~completed~, return CreateIteratorResultObject(undefined, true).
    if state == GeneratorState::Completed {
        return Ok(Value::Object(create_iterator_result_object(
            agent,
            Value::Undefined,
            true,
        )));
    }
    // 3. Assert: state is either ~suspended-start~ or ~suspended-yield~.
    // 4-6. Let genContext be generator.[[GeneratorContext]]; suspend the running context.
    // 7. Set generator.[[GeneratorState]] to ~executing~.
    set_state(&generator, GeneratorState::Executing);
    // 8-10. Resume genContext with NormalCompletion(value) and let result be the
    //       Completion it returns with.
    let result = resume(agent, &generator, state == GeneratorState::SuspendedYield);
    match result {
        // At a Yield (GeneratorYield, 27.5.3.6): the state becomes ~suspended-yield~ and the
        // caller receives CreateIteratorResultObject(value, false).
        Ok(Some(value)) => {
            set_state(&generator, GeneratorState::SuspendedYield);
            Ok(Value::Object(create_iterator_result_object(
                agent, value, false,
            )))
        }
        // The closure's end (GeneratorStart step 4.f-l): the state becomes ~completed~; a
        // normal or return completion gives CreateIteratorResultObject(undefined, true),
        // a throw completion is returned.
        Ok(None) => {
            set_state(&generator, GeneratorState::Completed);
            Ok(Value::Object(create_iterator_result_object(
                agent,
                Value::Undefined,
                true,
            )))
        }
        Err(e) => {
            set_state(&generator, GeneratorState::Completed);
            Err(e)
        }
    }
}

/// %IteratorHelperPrototype%.return ( ) (27.1.2.1.2).
fn helper_return(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be this value.
    // 2. Perform ? RequireInternalSlot(O, [[UnderlyingIterator]]).
    // 3. Assert: O has a [[GeneratorState]] slot.
    let o = require_internal_slot(
        agent,
        call.this,
        InternalSlot::UnderlyingIterator,
        "%IteratorHelperPrototype%.return",
    )?;
    let (state, underlying) = match &o.data().kind {
        ObjectKind::IteratorHelper(d) => (d.state, d.underlying.to_record()),
        _ => unreachable!("RequireInternalSlot checked [[UnderlyingIterator]]"),
    };
    // 4. If O.[[GeneratorState]] is ~suspended-start~, then
    if state == GeneratorState::SuspendedStart {
        // a. Set O.[[GeneratorState]] to ~completed~.
        // b. NOTE: Once a generator enters the completed state it never leaves it and its
        //    associated execution context is never resumed. Any execution state
        //    associated with O can be discarded at this point.
        set_state(&o, GeneratorState::Completed);
        // c. Perform ? IteratorClose(O.[[UnderlyingIterator]], NormalCompletion(~unused~)).
        iterator_close(agent, &underlying, Ok(()))?;
        // d. Return CreateIteratorResultObject(undefined, true).
        return Ok(Value::Object(create_iterator_result_object(
            agent,
            Value::Undefined,
            true,
        )));
    }
    // 5. Let C be Completion Record { [[Type]]: ~return~, [[Value]]: undefined,
    //    [[Target]]: ~empty~ }.
    // 6. Return ? GeneratorResumeAbrupt(O, C, "Iterator Helper").
    // GeneratorResumeAbrupt ( generator, abruptCompletion, generatorBrand ) (27.5.3.4):
    // 1. Let state be ? GeneratorValidate(generator, generatorBrand).
    let (generator, state) = generator_validate(agent, call.this)?;
    // 2. If state is ~suspended-start~, then ... (not reachable: handled by step 4 above)
    // 3. If state is ~completed~, then
    //    a. If abruptCompletion is a return completion, then
    //       i. Return CreateIteratorResultObject(abruptCompletion.[[Value]], true).
    if state == GeneratorState::Completed {
        return Ok(Value::Object(create_iterator_result_object(
            agent,
            Value::Undefined,
            true,
        )));
    }
    // 4. Assert: state is ~suspended-yield~.
    // 5-7. Suspend the running context; set generator.[[GeneratorState]] to ~executing~.
    set_state(&generator, GeneratorState::Executing);
    // 8-10. Resume genContext with abruptCompletion; the closure's return completion ends
    //       it (the state becomes ~completed~ and the result is
    //       CreateIteratorResultObject(undefined, true)); a throw completion is returned.
    let result = resume_return(agent, &generator);
    set_state(&generator, GeneratorState::Completed);
    result?;
    Ok(Value::Object(create_iterator_result_object(
        agent,
        Value::Undefined,
        true,
    )))
}

// ---------------------------------------------------------------------------------------
// %Iterator.prototype% methods
// ---------------------------------------------------------------------------------------

/// Steps 1-3 shared by the methods: "1. Let O be the this value. 2. If O is not an Object,
/// throw a TypeError exception. 3. Let iterated be the Iterator Record { [[Iterator]]: O,
/// [[NextMethod]]: undefined, [[Done]]: false }."
fn this_iterated(agent: &mut Agent, call: &BuiltinCall, method: &str) -> JsResult<IteratorRecord> {
    let Value::Object(o) = call.this else {
        return Err(agent.type_error(&format!(
            "Iterator.prototype.{method} called on a non-object"
        )));
    };
    Ok(IteratorRecord {
        iterator: o.clone(),
        next_method: Value::Undefined,
        done: false,
    })
}

/// "If IsCallable(f) is false, then a. Let error be ThrowCompletion(a newly created
/// TypeError object). b. Return ? IteratorClose(iterated, error)."
fn require_callable(
    agent: &mut Agent,
    iterated: &IteratorRecord,
    f: &Value,
    what: &str,
) -> JsResult<()> {
    if !is_callable(f) {
        let error = agent.type_error(&format!("the {what} is not a function"));
        return iterator_close(agent, iterated, Err(error));
    }
    Ok(())
}

/// Iterator.prototype.map ( mapper ) (27.1.4.8).
fn map(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. If O is not an Object, throw a TypeError exception.
    // 3. Let iterated be the Iterator Record { [[Iterator]]: O, [[NextMethod]]: undefined,
    //    [[Done]]: false }.
    let iterated = this_iterated(agent, call, "map")?;
    // 4. If IsCallable(mapper) is false, then
    //    a. Let error be ThrowCompletion(a newly created TypeError object).
    //    b. Return ? IteratorClose(iterated, error).
    let mapper = call.arg(0);
    require_callable(agent, &iterated, &mapper, "mapper")?;
    // 5. Set iterated to ? GetIteratorDirect(O).
    let iterated = get_iterator_direct(agent, &iterated.iterator)?;
    // 6. Let closure be a new Abstract Closure with no parameters that captures iterated
    //    and mapper and performs the following steps when called: (see `resume`)
    // 7. Let result be CreateIteratorFromClosure(closure, "Iterator Helper",
    //    %IteratorHelperPrototype%, « [[UnderlyingIterator]] »).
    // 8. Set result.[[UnderlyingIterator]] to iterated.
    // 9. Return result.
    Ok(create_iterator_helper(
        agent,
        &iterated,
        HelperClosure::Map {
            mapper,
            counter: 0.0,
        },
    ))
}

/// Iterator.prototype.filter ( predicate ) (27.1.4.4).
fn filter(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. If O is not an Object, throw a TypeError exception.
    // 3. Let iterated be the Iterator Record { [[Iterator]]: O, [[NextMethod]]: undefined,
    //    [[Done]]: false }.
    let iterated = this_iterated(agent, call, "filter")?;
    // 4. If IsCallable(predicate) is false, then
    //    a. Let error be ThrowCompletion(a newly created TypeError object).
    //    b. Return ? IteratorClose(iterated, error).
    let predicate = call.arg(0);
    require_callable(agent, &iterated, &predicate, "predicate")?;
    // 5. Set iterated to ? GetIteratorDirect(O).
    let iterated = get_iterator_direct(agent, &iterated.iterator)?;
    // 6. Let closure be a new Abstract Closure with no parameters that captures iterated
    //    and predicate and performs the following steps when called: (see `resume`)
    // 7. Let result be CreateIteratorFromClosure(closure, "Iterator Helper",
    //    %IteratorHelperPrototype%, « [[UnderlyingIterator]] »).
    // 8. Set result.[[UnderlyingIterator]] to iterated.
    // 9. Return result.
    Ok(create_iterator_helper(
        agent,
        &iterated,
        HelperClosure::Filter {
            predicate,
            counter: 0.0,
        },
    ))
}

/// Steps 4-8 of take and drop: the limit as an integer or +∞.
fn integer_limit(agent: &mut Agent, iterated: &IteratorRecord, limit: &Value) -> JsResult<f64> {
    // 4. Let numLimit be Completion(ToNumber(limit)).
    let num_limit = to_number(agent, limit);
    // 5. IfAbruptCloseIterator(numLimit, iterated).
    let num_limit = if_abrupt_close_iterator(agent, iterated, num_limit)?;
    // 6. If numLimit is NaN, then
    if num_limit.is_nan() {
        // a. Let error be ThrowCompletion(a newly created RangeError object).
        // b. Return ? IteratorClose(iterated, error).
        let error = agent.range_error("the limit is NaN");
        return iterator_close(agent, iterated, Err(error));
    }
    // 7. Let integerLimit be ! ToIntegerOrInfinity(numLimit).
    let integer_limit = integer_or_infinity(num_limit);
    // 8. If integerLimit < 0, then
    if integer_limit < 0.0 {
        // a. Let error be ThrowCompletion(a newly created RangeError object).
        // b. Return ? IteratorClose(iterated, error).
        let error = agent.range_error("the limit is negative");
        return iterator_close(agent, iterated, Err(error));
    }
    Ok(integer_limit)
}

/// Iterator.prototype.take ( limit ) (27.1.4.11).
fn take(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. If O is not an Object, throw a TypeError exception.
    // 3. Let iterated be the Iterator Record { [[Iterator]]: O, [[NextMethod]]: undefined,
    //    [[Done]]: false }.
    let iterated = this_iterated(agent, call, "take")?;
    // 4-8. (integer_limit)
    let integer_limit = integer_limit(agent, &iterated, &call.arg(0))?;
    // 9. Set iterated to ? GetIteratorDirect(O).
    let iterated = get_iterator_direct(agent, &iterated.iterator)?;
    // 10. Let closure be a new Abstract Closure with no parameters that captures iterated
    //     and integerLimit and performs the following steps when called: (see `resume`)
    // 11. Let result be CreateIteratorFromClosure(closure, "Iterator Helper",
    //     %IteratorHelperPrototype%, « [[UnderlyingIterator]] »).
    // 12. Set result.[[UnderlyingIterator]] to iterated.
    // 13. Return result.
    Ok(create_iterator_helper(
        agent,
        &iterated,
        HelperClosure::Take {
            remaining: integer_limit,
        },
    ))
}

/// Iterator.prototype.drop ( limit ) (27.1.4.2).
fn drop(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. If O is not an Object, throw a TypeError exception.
    // 3. Let iterated be the Iterator Record { [[Iterator]]: O, [[NextMethod]]: undefined,
    //    [[Done]]: false }.
    let iterated = this_iterated(agent, call, "drop")?;
    // 4-8. (integer_limit)
    let integer_limit = integer_limit(agent, &iterated, &call.arg(0))?;
    // 9. Set iterated to ? GetIteratorDirect(O).
    let iterated = get_iterator_direct(agent, &iterated.iterator)?;
    // 10. Let closure be a new Abstract Closure with no parameters that captures iterated
    //     and integerLimit and performs the following steps when called: (see `resume`)
    // 11. Let result be CreateIteratorFromClosure(closure, "Iterator Helper",
    //     %IteratorHelperPrototype%, « [[UnderlyingIterator]] »).
    // 12. Set result.[[UnderlyingIterator]] to iterated.
    // 13. Return result.
    Ok(create_iterator_helper(
        agent,
        &iterated,
        HelperClosure::Drop {
            remaining: integer_limit,
        },
    ))
}

/// Iterator.prototype.flatMap ( mapper ) (27.1.4.6).
fn flat_map(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. If O is not an Object, throw a TypeError exception.
    // 3. Let iterated be the Iterator Record { [[Iterator]]: O, [[NextMethod]]: undefined,
    //    [[Done]]: false }.
    let iterated = this_iterated(agent, call, "flatMap")?;
    // 4. If IsCallable(mapper) is false, then
    //    a. Let error be ThrowCompletion(a newly created TypeError object).
    //    b. Return ? IteratorClose(iterated, error).
    let mapper = call.arg(0);
    require_callable(agent, &iterated, &mapper, "mapper")?;
    // 5. Set iterated to ? GetIteratorDirect(O).
    let iterated = get_iterator_direct(agent, &iterated.iterator)?;
    // 6. Let closure be a new Abstract Closure with no parameters that captures iterated
    //    and mapper and performs the following steps when called: (see `resume`)
    // 7. Let result be CreateIteratorFromClosure(closure, "Iterator Helper",
    //    %IteratorHelperPrototype%, « [[UnderlyingIterator]] »).
    // 8. Set result.[[UnderlyingIterator]] to iterated.
    // 9. Return result.
    Ok(create_iterator_helper(
        agent,
        &iterated,
        HelperClosure::FlatMap {
            mapper,
            counter: 0.0,
            inner: None,
        },
    ))
}

/// Iterator.prototype.reduce ( reducer [ , initialValue ] ) (27.1.4.9).
fn reduce(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. If O is not an Object, throw a TypeError exception.
    // 3. Let iterated be the Iterator Record { [[Iterator]]: O, [[NextMethod]]: undefined,
    //    [[Done]]: false }.
    let iterated = this_iterated(agent, call, "reduce")?;
    // 4. If IsCallable(reducer) is false, then
    //    a. Let error be ThrowCompletion(a newly created TypeError object).
    //    b. Return ? IteratorClose(iterated, error).
    let reducer = call.arg(0);
    require_callable(agent, &iterated, &reducer, "reducer")?;
    // 5. Set iterated to ? GetIteratorDirect(O).
    let mut iterated = get_iterator_direct(agent, &iterated.iterator)?;
    let (mut accumulator, mut counter) = if call.args.len() < 2 {
        // 6. If initialValue is not present, then
        //    a. Let accumulator be ? IteratorStepValue(iterated).
        //    b. If accumulator is ~done~, throw a TypeError exception.
        let Some(accumulator) = iterator_step_value(agent, &mut iterated)? else {
            return Err(agent.type_error("reduce of an empty iterator with no initial value"));
        };
        //    c. Let counter be 1.
        (accumulator, 1.0)
    } else {
        // 7. Else,
        //    a. Let accumulator be initialValue.
        //    b. Let counter be 0.
        (call.arg(1), 0.0)
    };
    // 8. Repeat,
    loop {
        // a. Let value be ? IteratorStepValue(iterated).
        // b. If value is ~done~, return accumulator.
        let Some(value) = iterator_step_value(agent, &mut iterated)? else {
            return Ok(accumulator);
        };
        // c. Let result be Completion(Call(reducer, undefined, « accumulator, value,
        //    𝔽(counter) »)).
        let result = self::call(
            agent,
            &reducer,
            &Value::Undefined,
            &[accumulator, value, Value::Number(counter)],
        );
        // d. IfAbruptCloseIterator(result, iterated).
        // e. Set accumulator to result.
        accumulator = if_abrupt_close_iterator(agent, &iterated, result)?;
        // f. Set counter to counter + 1.
        counter += 1.0;
    }
}

/// Iterator.prototype.toArray ( ) (27.1.4.12).
fn to_array(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. If O is not an Object, throw a TypeError exception.
    let Value::Object(o) = call.this else {
        return Err(agent.type_error("Iterator.prototype.toArray called on a non-object"));
    };
    // 3. Let iterated be ? GetIteratorDirect(O).
    let mut iterated = get_iterator_direct(agent, o)?;
    // 4. Let items be a new empty List.
    let mut items = Vec::new();
    // 5. Repeat,
    loop {
        // a. Let value be ? IteratorStepValue(iterated).
        // b. If value is ~done~, return CreateArrayFromList(items).
        let Some(value) = iterator_step_value(agent, &mut iterated)? else {
            return Ok(Value::Object(create_array_from_list(agent, items)));
        };
        // c. Append value to items.
        items.push(value);
    }
}

/// Iterator.prototype.forEach ( procedure ) (27.1.4.7).
fn for_each(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. If O is not an Object, throw a TypeError exception.
    // 3. Let iterated be the Iterator Record { [[Iterator]]: O, [[NextMethod]]: undefined,
    //    [[Done]]: false }.
    let iterated = this_iterated(agent, call, "forEach")?;
    // 4. If IsCallable(procedure) is false, then
    //    a. Let error be ThrowCompletion(a newly created TypeError object).
    //    b. Return ? IteratorClose(iterated, error).
    let procedure = call.arg(0);
    require_callable(agent, &iterated, &procedure, "procedure")?;
    // 5. Set iterated to ? GetIteratorDirect(O).
    let mut iterated = get_iterator_direct(agent, &iterated.iterator)?;
    // 6. Let counter be 0.
    let mut counter = 0.0;
    // 7. Repeat,
    loop {
        // a. Let value be ? IteratorStepValue(iterated).
        // b. If value is ~done~, return undefined.
        let Some(value) = iterator_step_value(agent, &mut iterated)? else {
            return Ok(Value::Undefined);
        };
        // c. Let result be Completion(Call(procedure, undefined, « value, 𝔽(counter) »)).
        let result = self::call(
            agent,
            &procedure,
            &Value::Undefined,
            &[value, Value::Number(counter)],
        );
        // d. IfAbruptCloseIterator(result, iterated).
        if_abrupt_close_iterator(agent, &iterated, result)?;
        // e. Set counter to counter + 1.
        counter += 1.0;
    }
}

/// What some, every and find return when the predicate's result decides.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Search {
    Some,
    Every,
    Find,
}

/// The shared steps of Iterator.prototype.some, every and find (27.1.4.10, 27.1.4.3,
/// 27.1.4.5): they differ only in the test of step 7.e and in what they return.
fn search(agent: &mut Agent, call: &BuiltinCall, which: Search) -> JsResult<Value> {
    let name = match which {
        Search::Some => "some",
        Search::Every => "every",
        Search::Find => "find",
    };
    // 1. Let O be the this value.
    // 2. If O is not an Object, throw a TypeError exception.
    // 3. Let iterated be the Iterator Record { [[Iterator]]: O, [[NextMethod]]: undefined,
    //    [[Done]]: false }.
    let iterated = this_iterated(agent, call, name)?;
    // 4. If IsCallable(predicate) is false, then
    //    a. Let error be ThrowCompletion(a newly created TypeError object).
    //    b. Return ? IteratorClose(iterated, error).
    let predicate = call.arg(0);
    require_callable(agent, &iterated, &predicate, "predicate")?;
    // 5. Set iterated to ? GetIteratorDirect(O).
    let mut iterated = get_iterator_direct(agent, &iterated.iterator)?;
    // 6. Let counter be 0.
    let mut counter = 0.0;
    // 7. Repeat,
    loop {
        // a. Let value be ? IteratorStepValue(iterated).
        // b. If value is ~done~, return false (some) / true (every) / undefined (find).
        let Some(value) = iterator_step_value(agent, &mut iterated)? else {
            return Ok(match which {
                Search::Some => Value::Boolean(false),
                Search::Every => Value::Boolean(true),
                Search::Find => Value::Undefined,
            });
        };
        // c. Let result be Completion(Call(predicate, undefined, « value, 𝔽(counter) »)).
        let result = self::call(
            agent,
            &predicate,
            &Value::Undefined,
            &[value.clone(), Value::Number(counter)],
        );
        // d. IfAbruptCloseIterator(result, iterated).
        let result = if_abrupt_close_iterator(agent, &iterated, result)?;
        // e. some: If ToBoolean(result) is true, return ? IteratorClose(iterated,
        //    NormalCompletion(true)).
        //    every: If ToBoolean(result) is false, return ? IteratorClose(iterated,
        //    NormalCompletion(false)).
        //    find: If ToBoolean(result) is true, return ? IteratorClose(iterated,
        //    NormalCompletion(value)).
        let selected = to_boolean(&result);
        match which {
            Search::Some if selected => {
                return iterator_close(agent, &iterated, Ok(Value::Boolean(true)))
            }
            Search::Every if !selected => {
                return iterator_close(agent, &iterated, Ok(Value::Boolean(false)))
            }
            Search::Find if selected => return iterator_close(agent, &iterated, Ok(value)),
            _ => {}
        }
        // f. Set counter to counter + 1.
        counter += 1.0;
    }
}

/// Iterator.prototype.some ( predicate ) (27.1.4.10).
fn some(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    search(agent, call, Search::Some)
}

/// Iterator.prototype.every ( predicate ) (27.1.4.3).
fn every(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    search(agent, call, Search::Every)
}

/// Iterator.prototype.find ( predicate ) (27.1.4.5).
fn find(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    search(agent, call, Search::Find)
}

/// Creates Iterator.from, %WrapForValidIteratorPrototype% (27.1.3.2.1.1: its [[Prototype]]
/// is %Iterator.prototype%), %IteratorHelperPrototype% (27.1.2.1: likewise) and the helper
/// methods of %Iterator.prototype%.
pub fn create_iterator_helpers_intrinsics(agent: &mut Agent, realm: &Realm) {
    let iterator_prototype = realm.intrinsic(Intrinsic::IteratorPrototype);

    let wrap_prototype = ordinary_object_create(Some(iterator_prototype.clone()));
    define_method(agent, &wrap_prototype, "next", 0, wrap_next);
    define_method(agent, &wrap_prototype, "return", 0, wrap_return);
    realm.set_intrinsic(Intrinsic::WrapForValidIteratorPrototype, wrap_prototype);

    let helper_prototype = ordinary_object_create(Some(iterator_prototype.clone()));
    define_method(agent, &helper_prototype, "next", 0, helper_next);
    define_method(agent, &helper_prototype, "return", 0, helper_return);
    // 27.1.2.1.3 %IteratorHelperPrototype% [ %Symbol.toStringTag% ]: "Iterator Helper",
    // { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(
        &helper_prototype,
        tag,
        Value::string("Iterator Helper"),
        false,
        false,
        true,
    );
    realm.set_intrinsic(Intrinsic::IteratorHelperPrototype, helper_prototype);

    let iterator = realm.intrinsic(Intrinsic::Iterator);
    define_method(agent, &iterator, "from", 1, iterator_from);

    define_method(agent, &iterator_prototype, "drop", 1, drop);
    define_method(agent, &iterator_prototype, "every", 1, every);
    define_method(agent, &iterator_prototype, "filter", 1, filter);
    define_method(agent, &iterator_prototype, "find", 1, find);
    define_method(agent, &iterator_prototype, "flatMap", 1, flat_map);
    define_method(agent, &iterator_prototype, "forEach", 1, for_each);
    define_method(agent, &iterator_prototype, "map", 1, map);
    define_method(agent, &iterator_prototype, "reduce", 1, reduce);
    define_method(agent, &iterator_prototype, "some", 1, some);
    define_method(agent, &iterator_prototype, "take", 1, take);
    define_method(agent, &iterator_prototype, "toArray", 0, to_array);
}
