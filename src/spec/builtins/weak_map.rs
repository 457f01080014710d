//! 24.3 WeakMap Objects (sec-weakmap-objects).
//!
//! [[WeakMapData]] is a `boa_gc::WeakMap` of ephemerons keyed by the key object's
//! collector box: an entry does not keep its key alive, its value is traced only while the
//! key is reachable from elsewhere, and the collector drops the entry once the key is
//! collected (24.3: "If an object that is being used as the key of a WeakMap key/value
//! pair is only reachable by following a chain of references that start within that
//! WeakMap, then that key/value pair is inaccessible and is automatically removed").
//! Symbol keys (CanBeHeldWeakly allows non-registered symbols) hold no collector pointer
//! and are kept in a separate table, strongly; no program can observe the difference.

use super::helpers::{define_constructor, define_method, define_value};
use super::object::add_entries_from_iterable;
use super::weak_ref::can_be_held_weakly;
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{Behaviour, BuiltinCall};
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::{InternalSlot, ObjectKind};
use crate::spec::object_type::{Object, ObjectData, PropertyKey};
use crate::spec::operations_on_objects::get;
use crate::spec::ordinary_object_internal_methods::{
    ordinary_create_from_constructor, ordinary_object_create, require_internal_slot,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::symbol_type::Symbol;
use crate::spec::testing_and_comparison::is_callable;
use crate::spec::value::Value;
use boa_gc::{custom_trace, Finalize, GcRefCell, Trace};
use rustc_hash::FxHashMap;

/// [[WeakMapData]]: see the module documentation.
#[derive(Finalize)]
pub struct WeakMapData {
    objects: boa_gc::WeakMap<GcRefCell<ObjectData>, Value>,
    symbols: FxHashMap<Symbol, Value>,
}

// SAFETY: the ephemeron table is traced as boa_gc's WeakMap requires (it marks its own
// box; the collector handles the ephemerons); the values of symbol entries are traced and
// symbols hold no Gc pointer.
unsafe impl Trace for WeakMapData {
    custom_trace!(this, mark, {
        mark(&this.objects);
        for value in this.symbols.values() {
            mark(value);
        }
    });
}

impl Default for WeakMapData {
    fn default() -> WeakMapData {
        WeakMapData::new()
    }
}

impl WeakMapData {
    pub fn new() -> WeakMapData {
        WeakMapData {
            objects: boa_gc::WeakMap::new(),
            symbols: FxHashMap::default(),
        }
    }

    /// The value of the entry whose key is `key` (which can be held weakly).
    pub fn get(&self, key: &Value) -> Option<Value> {
        match key {
            Value::Object(o) => self
                .objects
                .get(o.as_gc())
                .and_then(|e| e.value().map(|v| v.clone())),
            Value::Symbol(s) => self.symbols.get(s).cloned(),
            _ => None,
        }
    }

    pub fn has(&self, key: &Value) -> bool {
        match key {
            Value::Object(o) => self.objects.contains_key(o.as_gc()),
            Value::Symbol(s) => self.symbols.contains_key(s),
            _ => false,
        }
    }

    /// Sets or adds the entry of `key` (which can be held weakly).
    pub fn set(&mut self, key: &Value, value: Value) {
        match key {
            Value::Object(o) => self.objects.insert(o.as_gc(), value),
            Value::Symbol(s) => {
                self.symbols.insert(s.clone(), value);
            }
            _ => {}
        }
    }

    /// Removes the entry of `key`; whether there was one.
    pub fn delete(&mut self, key: &Value) -> bool {
        match key {
            Value::Object(o) => self.objects.remove(o.as_gc()),
            Value::Symbol(s) => self.symbols.remove(s).is_some(),
            _ => false,
        }
    }
}

fn with_data<R>(m: &Object, f: impl FnOnce(&mut WeakMapData) -> R) -> Option<R> {
    match &mut m.data_mut().kind {
        ObjectKind::WeakMap(data) => Some(f(data)),
        _ => None,
    }
}

/// WeakMap ( [ iterable ] ) (24.3.1.1).
fn weak_map_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = call.new_target else {
        return Err(agent.type_error("Constructor WeakMap requires 'new'"));
    };
    // 2. Let map be ? OrdinaryCreateFromConstructor(NewTarget, "%WeakMap.prototype%",
    //    « [[WeakMapData]] »).
    // 3. Set map.[[WeakMapData]] to a new empty List.
    let map = ordinary_create_from_constructor(
        agent,
        new_target,
        Intrinsic::WeakMapPrototype,
        ObjectKind::WeakMap(Box::default()),
    )?;
    // 4. If iterable is either undefined or null, return map.
    let iterable = call.arg(0);
    if iterable.is_nullish() {
        return Ok(Value::Object(map));
    }
    // 5. Let adder be ? Get(map, "set").
    let adder = get(agent, &map, &"set".into())?;
    // 6. If IsCallable(adder) is false, throw a TypeError exception.
    if !is_callable(&adder) {
        return Err(agent.type_error("WeakMap: the 'set' method is not callable"));
    }
    // 7. Return ? AddEntriesFromIterable(map, iterable, adder).
    add_entries_from_iterable(agent, &map, &iterable, &adder)?;
    Ok(Value::Object(map))
}

/// WeakMap.prototype.delete ( key ) (24.3.3.2).
fn delete(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let M be the this value.
    // 2. Perform ? RequireInternalSlot(M, [[WeakMapData]]).
    let m = require_internal_slot(
        agent,
        call.this,
        InternalSlot::WeakMapData,
        "WeakMap.prototype.delete",
    )?;
    // 3. If CanBeHeldWeakly(key) is false, return false.
    let key = call.arg(0);
    if !can_be_held_weakly(agent, &key) {
        return Ok(Value::Boolean(false));
    }
    // 4. For each Record { [[Key]], [[Value]] } p of M.[[WeakMapData]], do
    //    a. If p.[[Key]] is not ~empty~ and SameValue(p.[[Key]], key) is true, then
    //       i. Set p.[[Key]] to ~empty~.
    //       ii. Set p.[[Value]] to ~empty~.
    //       iii. Return true.
    // 5. Return false.
    Ok(Value::Boolean(
        with_data(&m, |d| d.delete(&key)).unwrap_or(false),
    ))
}

/// WeakMap.prototype.get ( key ) (24.3.3.3).
fn get_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let M be the this value.
    // 2. Perform ? RequireInternalSlot(M, [[WeakMapData]]).
    let m = require_internal_slot(
        agent,
        call.this,
        InternalSlot::WeakMapData,
        "WeakMap.prototype.get",
    )?;
    // 3. If CanBeHeldWeakly(key) is false, return undefined.
    let key = call.arg(0);
    if !can_be_held_weakly(agent, &key) {
        return Ok(Value::Undefined);
    }
    // 4. For each Record { [[Key]], [[Value]] } p of M.[[WeakMapData]], do
    //    a. If p.[[Key]] is not ~empty~ and SameValue(p.[[Key]], key) is true, return
    //       p.[[Value]].
    // 5. Return undefined.
    Ok(with_data(&m, |d| d.get(&key)).flatten().unwrap_or_default())
}

/// WeakMap.prototype.has ( key ) (24.3.3.4).
fn has(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let M be the this value.
    // 2. Perform ? RequireInternalSlot(M, [[WeakMapData]]).
    let m = require_internal_slot(
        agent,
        call.this,
        InternalSlot::WeakMapData,
        "WeakMap.prototype.has",
    )?;
    // 3. If CanBeHeldWeakly(key) is false, return false.
    let key = call.arg(0);
    if !can_be_held_weakly(agent, &key) {
        return Ok(Value::Boolean(false));
    }
    // 4. For each Record { [[Key]], [[Value]] } p of M.[[WeakMapData]], do
    //    a. If p.[[Key]] is not ~empty~ and SameValue(p.[[Key]], key) is true, return
    //       true.
    // 5. Return false.
    Ok(Value::Boolean(
        with_data(&m, |d| d.has(&key)).unwrap_or(false),
    ))
}

/// WeakMap.prototype.set ( key, value ) (24.3.3.5).
fn set_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let M be the this value.
    // 2. Perform ? RequireInternalSlot(M, [[WeakMapData]]).
    let m = require_internal_slot(
        agent,
        call.this,
        InternalSlot::WeakMapData,
        "WeakMap.prototype.set",
    )?;
    // 3. If CanBeHeldWeakly(key) is false, throw a TypeError exception.
    let key = call.arg(0);
    if !can_be_held_weakly(agent, &key) {
        return Err(agent.type_error("WeakMap.prototype.set: invalid key"));
    }
    // 4. For each Record { [[Key]], [[Value]] } p of M.[[WeakMapData]], do
    //    a. If p.[[Key]] is not ~empty~ and SameValue(p.[[Key]], key) is true, then
    //       i. Set p.[[Value]] to value.
    //       ii. Return M.
    // 5. Let p be the Record { [[Key]]: key, [[Value]]: value }.
    // 6. Append p to M.[[WeakMapData]].
    let value = call.arg(1);
    with_data(&m, |d| d.set(&key, value));
    // 7. Return M.
    Ok(Value::Object(m))
}

/// Creates %WeakMap% (24.3.2) and %WeakMap.prototype% (24.3.3).
pub fn create_weak_map_intrinsics(agent: &mut Agent, realm: &Realm) {
    let object_prototype = realm.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = ordinary_object_create(Some(object_prototype));
    realm.set_intrinsic(Intrinsic::WeakMapPrototype, prototype.clone());
    define_constructor(
        agent,
        realm,
        Intrinsic::WeakMap,
        "WeakMap",
        0,
        weak_map_constructor,
        &prototype,
        None,
    );
    let methods: &[(&str, u32, Behaviour)] = &[
        ("delete", 1, delete),
        ("get", 1, get_method),
        ("has", 1, has),
        ("set", 2, set_method),
    ];
    for &(name, length, behaviour) in methods {
        define_method(agent, &prototype, name, length, behaviour);
    }
    // 24.3.3.6 WeakMap.prototype [ %Symbol.toStringTag% ]: "WeakMap", { [[Writable]]:
    // false, [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(
        &prototype,
        tag,
        Value::string("WeakMap"),
        false,
        false,
        true,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::ordinary_object_internal_methods::ordinary_object_create;
    use boa_gc::WeakGc;

    /// An entry whose key is reachable only through the WeakMap is collected: neither the
    /// key nor the value survives `force_collect`, while an entry whose key is still held
    /// keeps its value.
    #[test]
    fn unreachable_key_entry_is_collected() {
        let map = ordinary_object_create_with_weak_map();
        let (dead_key, dead_value) = (ordinary_object_create(None), ordinary_object_create(None));
        let (live_key, live_value) = (ordinary_object_create(None), ordinary_object_create(None));
        // The dead entry's value refers back to its key: an ephemeron must not let that
        // keep the key alive.
        dead_value.insert_property(
            "key".into(),
            crate::spec::object_type::Property::data(
                Value::Object(dead_key.clone()),
                true,
                true,
                true,
            ),
        );
        with_data(&map, |d| {
            d.set(
                &Value::Object(dead_key.clone()),
                Value::Object(dead_value.clone()),
            );
            d.set(
                &Value::Object(live_key.clone()),
                Value::Object(live_value.clone()),
            );
        });
        let watch_key = WeakGc::new(dead_key.as_gc());
        let watch_value = WeakGc::new(dead_value.as_gc());
        drop(dead_key);
        drop(dead_value);
        drop(live_value);
        boa_gc::force_collect();
        assert!(watch_key.upgrade().is_none(), "the key was kept alive");
        assert!(watch_value.upgrade().is_none(), "the value was kept alive");
        let live = with_data(&map, |d| d.get(&Value::Object(live_key.clone()))).flatten();
        assert!(
            matches!(live, Some(Value::Object(_))),
            "a live entry was lost"
        );
    }

    fn ordinary_object_create_with_weak_map() -> Object {
        crate::spec::ordinary_object_internal_methods::ordinary_object_create_with(
            None,
            ObjectKind::WeakMap(Box::default()),
        )
    }
}
