//! 24.4 WeakSet Objects (sec-weakset-objects).
//!
//! [[WeakSetData]] is a `boa_gc::WeakMap` from the member object's collector box to `()`:
//! membership does not keep an object alive, and the collector drops the entry once the
//! object is collected. Symbol members (non-registered symbols) hold no collector pointer
//! and are kept strongly in a separate table, as in weak_map.rs.

use super::helpers::{define_constructor, define_method, define_value};
use super::weak_ref::can_be_held_weakly;
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{Behaviour, BuiltinCall};
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::{InternalSlot, ObjectKind};
use crate::spec::object_type::{Object, ObjectData, PropertyKey};
use crate::spec::operations_on_iterator_objects::{
    get_iterator, iterator_close, iterator_step_value,
};
use crate::spec::operations_on_objects::{call as call_value, get};
use crate::spec::ordinary_object_internal_methods::{
    ordinary_create_from_constructor, ordinary_object_create, require_internal_slot,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::symbol_type::Symbol;
use crate::spec::testing_and_comparison::is_callable;
use crate::spec::value::Value;
use boa_gc::{custom_trace, Finalize, GcRefCell, Trace};
use rustc_hash::FxHashSet;

/// [[WeakSetData]]: see the module documentation.
#[derive(Finalize)]
pub struct WeakSetData {
    objects: boa_gc::WeakMap<GcRefCell<ObjectData>, ()>,
    symbols: FxHashSet<Symbol>,
}

// SAFETY: the ephemeron table is traced as boa_gc's WeakMap requires; symbols hold no Gc
// pointer.
unsafe impl Trace for WeakSetData {
    custom_trace!(this, mark, {
        mark(&this.objects);
    });
}

impl Default for WeakSetData {
    fn default() -> WeakSetData {
        WeakSetData::new()
    }
}

impl WeakSetData {
    pub fn new() -> WeakSetData {
        WeakSetData {
            objects: boa_gc::WeakMap::new(),
            symbols: FxHashSet::default(),
        }
    }

    pub fn has(&self, value: &Value) -> bool {
        match value {
            Value::Object(o) => self.objects.contains_key(o.as_gc()),
            Value::Symbol(s) => self.symbols.contains(s),
            _ => false,
        }
    }

    pub fn add(&mut self, value: &Value) {
        match value {
            Value::Object(o) => self.objects.insert(o.as_gc(), ()),
            Value::Symbol(s) => {
                self.symbols.insert(s.clone());
            }
            _ => {}
        }
    }

    pub fn delete(&mut self, value: &Value) -> bool {
        match value {
            Value::Object(o) => self.objects.remove(o.as_gc()),
            Value::Symbol(s) => self.symbols.remove(s),
            _ => false,
        }
    }
}

fn with_data<R>(s: &Object, f: impl FnOnce(&mut WeakSetData) -> R) -> Option<R> {
    match &mut s.data_mut().kind {
        ObjectKind::WeakSet(data) => Some(f(data)),
        _ => None,
    }
}

/// WeakSet ( [ iterable ] ) (24.4.1.1).
fn weak_set_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = call.new_target else {
        return Err(agent.type_error("Constructor WeakSet requires 'new'"));
    };
    // 2. Let set be ? OrdinaryCreateFromConstructor(NewTarget, "%WeakSet.prototype%",
    //    « [[WeakSetData]] »).
    // 3. Set set.[[WeakSetData]] to a new empty List.
    let set = ordinary_create_from_constructor(
        agent,
        new_target,
        Intrinsic::WeakSetPrototype,
        ObjectKind::WeakSet(Box::default()),
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
        return Err(agent.type_error("WeakSet: the 'add' method is not callable"));
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

/// WeakSet.prototype.add ( value ) (24.4.3.1).
fn add(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let S be the this value.
    // 2. Perform ? RequireInternalSlot(S, [[WeakSetData]]).
    let s = require_internal_slot(
        agent,
        call.this,
        InternalSlot::WeakSetData,
        "WeakSet.prototype.add",
    )?;
    // 3. If CanBeHeldWeakly(value) is false, throw a TypeError exception.
    let value = call.arg(0);
    if !can_be_held_weakly(agent, &value) {
        return Err(agent.type_error("WeakSet.prototype.add: invalid value"));
    }
    // 4. For each element e of S.[[WeakSetData]], do
    //    a. If e is not ~empty~ and SameValue(e, value) is true, then
    //       i. Return S.
    // 5. Append value to S.[[WeakSetData]].
    with_data(&s, |d| d.add(&value));
    // 6. Return S.
    Ok(Value::Object(s))
}

/// WeakSet.prototype.delete ( value ) (24.4.3.3).
fn delete(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let S be the this value.
    // 2. Perform ? RequireInternalSlot(S, [[WeakSetData]]).
    let s = require_internal_slot(
        agent,
        call.this,
        InternalSlot::WeakSetData,
        "WeakSet.prototype.delete",
    )?;
    // 3. If CanBeHeldWeakly(value) is false, return false.
    let value = call.arg(0);
    if !can_be_held_weakly(agent, &value) {
        return Ok(Value::Boolean(false));
    }
    // 4. For each element e of S.[[WeakSetData]], do
    //    a. If e is not ~empty~ and SameValue(e, value) is true, then
    //       i. Replace the element of S.[[WeakSetData]] whose value is e with an element
    //          whose value is ~empty~.
    //       ii. Return true.
    // 5. Return false.
    Ok(Value::Boolean(
        with_data(&s, |d| d.delete(&value)).unwrap_or(false),
    ))
}

/// WeakSet.prototype.has ( value ) (24.4.3.4).
fn has(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let S be the this value.
    // 2. Perform ? RequireInternalSlot(S, [[WeakSetData]]).
    let s = require_internal_slot(
        agent,
        call.this,
        InternalSlot::WeakSetData,
        "WeakSet.prototype.has",
    )?;
    // 3. If CanBeHeldWeakly(value) is false, return false.
    let value = call.arg(0);
    if !can_be_held_weakly(agent, &value) {
        return Ok(Value::Boolean(false));
    }
    // 4. For each element e of S.[[WeakSetData]], do
    //    a. If e is not ~empty~ and SameValue(e, value) is true, return true.
    // 5. Return false.
    Ok(Value::Boolean(
        with_data(&s, |d| d.has(&value)).unwrap_or(false),
    ))
}

/// Creates %WeakSet% (24.4.2) and %WeakSet.prototype% (24.4.3).
pub fn create_weak_set_intrinsics(agent: &mut Agent, realm: &Realm) {
    let object_prototype = realm.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = ordinary_object_create(Some(object_prototype));
    realm.set_intrinsic(Intrinsic::WeakSetPrototype, prototype.clone());
    define_constructor(
        agent,
        realm,
        Intrinsic::WeakSet,
        "WeakSet",
        0,
        weak_set_constructor,
        &prototype,
        None,
    );
    let methods: &[(&str, u32, Behaviour)] =
        &[("add", 1, add), ("delete", 1, delete), ("has", 1, has)];
    for &(name, length, behaviour) in methods {
        define_method(agent, &prototype, name, length, behaviour);
    }
    // 24.4.3.5 WeakSet.prototype [ %Symbol.toStringTag% ]: "WeakSet", { [[Writable]]:
    // false, [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(
        &prototype,
        tag,
        Value::string("WeakSet"),
        false,
        false,
        true,
    );
}
