//! 24.1 Map Objects (sec-map-objects): the Map constructor, Map.groupBy, %Map.prototype%
//! and %MapIteratorPrototype% (24.1.5); also the ordered entry list ([`MapData`]) that Set
//! objects (24.2) share.
//!
//! ## [[MapData]] and [[SetData]]
//!
//! The spec's [[MapData]] is a List of Records { [[Key]], [[Value]] } in which a deleted
//! entry becomes ~empty~ and stays in place, so that an iteration in progress (forEach, a
//! Map Iterator, the Set methods' loops) holding an index into the List still sees later
//! entries, including ones appended while it runs, and skips deleted ones. [`MapData`] is
//! that List (`entries`, `None` for ~empty~) plus a hash index from the key (compared with
//! SameValue after CanonicalizeKeyedCollectionKey, i.e. SameValueZero) to its position, so
//! that lookups are O(1) instead of the spec's linear walk; no program can tell the
//! difference.
//!
//! So that a map with many deletions does not grow without bound, the List is compacted
//! (the ~empty~ entries removed) when more than half of it is ~empty~. Every index into
//! the List that is live across calls into ECMAScript code is a *cursor* registered with
//! the data (an `Rc<Cell<usize>>` held by the iteration, a `Weak` in the data), and
//! compaction moves each cursor to the same logical position: the number of non-empty
//! entries before it. `clear` removes every entry and moves every cursor to 0, which is
//! what the spec's "set every entry to ~empty~" means for an iteration in progress (it
//! sees exactly the entries appended afterwards).

use super::helpers::{define_accessor, define_constructor, define_method, define_value};
use super::object::{group_by, KeyCoercion};
use crate::spec::agents::Agent;
use crate::spec::bigint_type::JsBigInt;
use crate::spec::builtin_function_objects::{Behaviour, BuiltinCall};
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::{InternalSlot, IterationKind, ObjectKind};
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_iterator_objects::create_iterator_result_object;
use crate::spec::operations_on_objects::{call as call_value, create_array_from_list, get};
use crate::spec::ordinary_object_internal_methods::{
    ordinary_create_from_constructor, ordinary_object_create, ordinary_object_create_with,
    require_internal_slot,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::string_type::JsString;
use crate::spec::symbol_type::Symbol;
use crate::spec::testing_and_comparison::is_callable;
use crate::spec::value::Value;
use boa_gc::{custom_trace, Finalize, Trace};
use rustc_hash::FxHashMap;
use std::cell::Cell;
use std::rc::{Rc, Weak};

/// CanonicalizeKeyedCollectionKey ( key ) (24.5.1).
pub fn canonicalize_keyed_collection_key(key: Value) -> Value {
    // 1. If key is -0𝔽, return +0𝔽.
    crate::step!("sec-canonicalizekeyedcollectionkey", "1");
    if let Value::Number(n) = key {
        if n == 0.0 {
            return Value::Number(0.0);
        }
    }
    // 2. Return key.
    crate::step!("sec-canonicalizekeyedcollectionkey", "2");
    key
}

/// A canonicalized key as the hash index sees it: two keys are equal exactly when
/// SameValue holds for them (after CanonicalizeKeyedCollectionKey).
#[derive(PartialEq, Eq, Hash)]
enum KeyHash {
    Undefined,
    Null,
    Boolean(bool),
    String(JsString),
    Symbol(Symbol),
    /// The bits of the Number, with every NaN the same and -0 as +0.
    Number(u64),
    BigInt(JsBigInt),
    /// The object's address: the entry keeps the object alive, so the address cannot be
    /// reused while the entry exists.
    Object(usize),
}

impl KeyHash {
    fn of(value: &Value) -> KeyHash {
        match value {
            Value::Undefined => KeyHash::Undefined,
            Value::Null => KeyHash::Null,
            Value::Boolean(b) => KeyHash::Boolean(*b),
            Value::String(s) => KeyHash::String(s.clone()),
            Value::Symbol(s) => KeyHash::Symbol(s.clone()),
            Value::Number(n) => KeyHash::Number(if n.is_nan() {
                f64::NAN.to_bits()
            } else if *n == 0.0 {
                0f64.to_bits()
            } else {
                n.to_bits()
            }),
            Value::BigInt(b) => KeyHash::BigInt(b.clone()),
            Value::Object(o) => KeyHash::Object(o.addr()),
        }
    }
}

/// A [[MapData]] (or [[SetData]], whose entries' values are unused) List; see the module
/// documentation.
#[derive(Default, Finalize)]
pub struct MapData {
    /// The List; `None` is an entry whose [[Key]] and [[Value]] are ~empty~.
    entries: Vec<Option<(Value, Value)>>,
    /// Canonical key → position in `entries` of its (non-empty) entry.
    index: FxHashMap<KeyHash, usize>,
    /// How many entries are ~empty~.
    holes: usize,
    /// The positions of iterations in progress.
    cursors: Vec<Weak<Cell<usize>>>,
    /// When `cursors` is next pruned of finished iterations.
    prune_at: usize,
}

// SAFETY: the keys and values of the entries are traced; the hash index holds copies of
// primitive keys and object addresses (no Gc pointer), the cursors hold integers.
unsafe impl Trace for MapData {
    custom_trace!(this, mark, {
        for (key, value) in this.entries.iter().flatten() {
            mark(key);
            mark(value);
        }
    });
}

impl MapData {
    pub fn new() -> MapData {
        MapData::default()
    }

    /// The number of elements of the List, ~empty~ ones included (the bound of the spec's
    /// index loops).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The number of non-empty entries (the size getters, SetDataSize).
    pub fn size(&self) -> usize {
        self.entries.len() - self.holes
    }

    /// The position of the non-empty entry whose [[Key]] is SameValue to the
    /// (canonicalized) `key`.
    pub fn index_of(&self, key: &Value) -> Option<usize> {
        self.index.get(&KeyHash::of(key)).copied()
    }

    /// The entry at position `i` of the List, `None` when it is ~empty~ or out of range.
    pub fn entry(&self, i: usize) -> Option<(Value, Value)> {
        self.entries.get(i).cloned().flatten()
    }

    pub fn has(&self, key: &Value) -> bool {
        self.index_of(key).is_some()
    }

    pub fn get(&self, key: &Value) -> Option<Value> {
        self.index_of(key)
            .and_then(|i| self.entry(i).map(|(_, v)| v))
    }

    /// Sets the value of `key`'s entry, or appends a new entry (Map.prototype.set steps
    /// 4-6, Set.prototype.add steps 4-5). `key` must be canonical.
    pub fn set(&mut self, key: Value, value: Value) {
        let hash = KeyHash::of(&key);
        if let Some(&i) = self.index.get(&hash) {
            if let Some(entry) = self.entries.get_mut(i).and_then(Option::as_mut) {
                entry.1 = value;
                return;
            }
        }
        self.index.insert(hash, self.entries.len());
        self.entries.push(Some((key, value)));
    }

    /// Makes room for one more entry, as Map.prototype.set and Set.prototype.add are
    /// about to append one: `false` when the system refuses the memory (the caller throws
    /// a RangeError instead of the process aborting as the tables double).
    pub fn reserve_one(&mut self) -> bool {
        self.entries.try_reserve(1).is_ok() && self.index.try_reserve(1).is_ok()
    }

    /// Sets `key`'s entry to ~empty~; whether there was one.
    pub fn delete(&mut self, key: &Value) -> bool {
        let Some(i) = self.index.remove(&KeyHash::of(key)) else {
            return false;
        };
        if let Some(slot) = self.entries.get_mut(i) {
            *slot = None;
            self.holes += 1;
        }
        if self.holes >= 8 && self.holes * 2 > self.entries.len() {
            self.compact();
        }
        true
    }

    /// Sets every entry to ~empty~.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.holes = 0;
        self.for_each_cursor(|_| 0);
    }

    /// Registers a new iteration starting at position 0.
    pub fn new_cursor(&mut self) -> Rc<Cell<usize>> {
        if self.cursors.len() >= self.prune_at {
            self.cursors.retain(|c| c.strong_count() > 0);
            self.prune_at = (self.cursors.len() * 2).max(16);
        }
        let cursor = Rc::new(Cell::new(0));
        self.cursors.push(Rc::downgrade(&cursor));
        cursor
    }

    /// The next non-empty entry at or after the cursor's position, advancing the cursor
    /// past it (the "Repeat, while index < numEntries" loops, with numEntries re-read each
    /// time); `None` when the List is exhausted.
    pub fn next_entry(&self, cursor: &Cell<usize>) -> Option<(Value, Value)> {
        let mut index = cursor.get();
        while index < self.entries.len() {
            let e = &self.entries[index];
            index += 1;
            if let Some(entry) = e {
                cursor.set(index);
                return Some(entry.clone());
            }
        }
        cursor.set(index);
        None
    }

    /// The keys of the non-empty entries, in order (a copy of the List for the Set
    /// methods).
    pub fn keys(&self) -> Vec<Value> {
        self.entries
            .iter()
            .flatten()
            .map(|(k, _)| k.clone())
            .collect()
    }

    fn for_each_cursor(&mut self, mut f: impl FnMut(usize) -> usize) {
        self.cursors.retain(|c| match c.upgrade() {
            Some(c) => {
                c.set(f(c.get()));
                true
            }
            None => false,
        });
    }

    /// Removes the ~empty~ entries, keeping every cursor at the same logical position.
    fn compact(&mut self) {
        // live_before[i] = the number of non-empty entries before position i.
        let mut live_before = Vec::with_capacity(self.entries.len() + 1);
        let mut live = 0;
        for e in &self.entries {
            live_before.push(live);
            if e.is_some() {
                live += 1;
            }
        }
        live_before.push(live);
        self.for_each_cursor(|c| live_before.get(c).copied().unwrap_or(live));
        self.entries.retain(Option::is_some);
        self.holes = 0;
        self.index.clear();
        for (i, (key, _)) in self.entries.iter().flatten().enumerate() {
            self.index.insert(KeyHash::of(key), i);
        }
    }
}

/// The state of a Map or Set Iterator (24.1.5, 24.2.6): the generator of CreateMapIterator
/// / CreateSetIterator, as the collection it walks (`None` once the generator has
/// completed), its position and its kind.
#[derive(Finalize)]
pub struct CollectionIteratorData {
    pub collection: Option<Object>,
    pub cursor: Rc<Cell<usize>>,
    pub kind: IterationKind,
}

// SAFETY: the collection is traced; the cursor and the kind hold no Gc pointer.
unsafe impl Trace for CollectionIteratorData {
    custom_trace!(this, mark, {
        mark(&this.collection);
    });
}

/// Runs `f` on the [[MapData]] of `m` (which [`this_map`] has checked).
fn with_map_data<R>(m: &Object, f: impl FnOnce(&mut MapData) -> R) -> Option<R> {
    match &mut m.data_mut().kind {
        ObjectKind::Map(data) => Some(f(data)),
        _ => None,
    }
}

/// Map ( [ iterable ] ) (24.1.1.1).
fn map_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = call.new_target else {
        return Err(agent.type_error("Constructor Map requires 'new'"));
    };
    // 2. Let map be ? OrdinaryCreateFromConstructor(NewTarget, "%Map.prototype%",
    //    « [[MapData]] »).
    // 3. Set map.[[MapData]] to a new empty List.
    let map = ordinary_create_from_constructor(
        agent,
        new_target,
        Intrinsic::MapPrototype,
        ObjectKind::Map(Box::new(MapData::new())),
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
        return Err(agent.type_error("Map: the 'set' method is not callable"));
    }
    // 7. Return ? AddEntriesFromIterable(map, iterable, adder).
    super::object::add_entries_from_iterable(agent, &map, &iterable, &adder)?;
    Ok(Value::Object(map))
}

/// Map.groupBy ( items, callback ) (24.1.2.1).
fn group_by_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let groups be ? GroupBy(items, callback, ~collection~).
    let groups = group_by(agent, &call.arg(0), &call.arg(1), KeyCoercion::Collection)?;
    // 2. Let map be ! Construct(%Map%).
    let proto = agent.intrinsic(Intrinsic::MapPrototype);
    let map = ordinary_object_create_with(Some(proto), ObjectKind::Map(Box::new(MapData::new())));
    // 3. For each Record { [[Key]], [[Elements]] } g of groups, do
    for g in groups {
        // a. Let elements be CreateArrayFromList(g.[[Elements]]).
        let elements = create_array_from_list(agent, g.elements);
        // b. Let entry be the Record { [[Key]]: g.[[Key]], [[Value]]: elements }.
        // c. Append entry to map.[[MapData]].
        with_map_data(&map, |data| data.set(g.key, Value::Object(elements)));
    }
    // 4. Return map.
    Ok(Value::Object(map))
}

/// get Map [ %Symbol.species% ] (24.1.2.3).
fn get_species(_agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return the this value.
    Ok(call.this.clone())
}

/// Map.prototype.clear ( ) (24.1.3.1).
fn clear(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let M be the this value.
    // 2. Perform ? RequireInternalSlot(M, [[MapData]]).
    let m = require_internal_slot(
        agent,
        call.this,
        InternalSlot::MapData,
        "Map.prototype.clear",
    )?;
    // 3. For each Record { [[Key]], [[Value]] } p of M.[[MapData]], do
    //    a. Set p.[[Key]] to ~empty~.
    //    b. Set p.[[Value]] to ~empty~.
    with_map_data(&m, MapData::clear);
    // 4. Return undefined.
    Ok(Value::Undefined)
}

/// Map.prototype.delete ( key ) (24.1.3.3).
fn delete(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let M be the this value.
    // 2. Perform ? RequireInternalSlot(M, [[MapData]]).
    let m = require_internal_slot(
        agent,
        call.this,
        InternalSlot::MapData,
        "Map.prototype.delete",
    )?;
    // 3. Set key to CanonicalizeKeyedCollectionKey(key).
    let key = canonicalize_keyed_collection_key(call.arg(0));
    // 4. For each Record { [[Key]], [[Value]] } p of M.[[MapData]], do
    //    a. If p.[[Key]] is not ~empty~ and SameValue(p.[[Key]], key) is true, then
    //       i. Set p.[[Key]] to ~empty~.
    //       ii. Set p.[[Value]] to ~empty~.
    //       iii. Return true.
    // 5. Return false.
    let deleted = with_map_data(&m, |data| data.delete(&key)).unwrap_or(false);
    Ok(Value::Boolean(deleted))
}

/// CreateMapIterator ( map, kind ) (24.1.5.1).
fn create_map_iterator(
    agent: &mut Agent,
    map: &Value,
    kind: IterationKind,
    method: &str,
) -> JsResult<Value> {
    // 1. Perform ? RequireInternalSlot(map, [[MapData]]).
    let map = require_internal_slot(
        agent,
        map,
        InternalSlot::MapData,
        format_args!("Map.prototype.{method}"),
    )?;
    // 2. Let closure be a new Abstract Closure with no parameters that captures map and
    //    kind and performs the following steps when called: (see map_iterator_next)
    // 3. Return CreateIteratorFromClosure(closure, "%MapIteratorPrototype%",
    //    %MapIteratorPrototype%).
    let cursor = with_map_data(&map, MapData::new_cursor).unwrap_or_default();
    let proto = agent.intrinsic(Intrinsic::MapIteratorPrototype);
    Ok(Value::Object(ordinary_object_create_with(
        Some(proto),
        ObjectKind::MapIterator(Box::new(CollectionIteratorData {
            collection: Some(map),
            cursor,
            kind,
        })),
    )))
}

/// Map.prototype.entries ( ) (24.1.3.4).
fn entries(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let M be the this value.
    // 2. Return ? CreateMapIterator(M, ~key+value~).
    create_map_iterator(agent, call.this, IterationKind::KeyValue, "entries")
}

/// Map.prototype.forEach ( callbackfn [ , thisArg ] ) (24.1.3.5).
fn for_each(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let M be the this value.
    // 2. Perform ? RequireInternalSlot(M, [[MapData]]).
    let m = require_internal_slot(
        agent,
        call.this,
        InternalSlot::MapData,
        "Map.prototype.forEach",
    )?;
    // 3. If IsCallable(callbackfn) is false, throw a TypeError exception.
    let callback = call.arg(0);
    if !is_callable(&callback) {
        return Err(agent.type_error("Map.prototype.forEach: the callback is not a function"));
    }
    let this_arg = call.arg(1);
    // 4. Let entries be M.[[MapData]].
    // 5. Let numEntries be the number of elements in entries.
    // 6. Let index be 0.
    let Some(cursor) = with_map_data(&m, MapData::new_cursor) else {
        return Ok(Value::Undefined);
    };
    // 7. Repeat, while index < numEntries,
    //    a. Let e be entries[index].
    //    b. Set index to index + 1.
    //    c. If e.[[Key]] is not ~empty~, then
    while let Some((key, value)) = with_map_data(&m, |data| data.next_entry(&cursor)).flatten() {
        // i. Perform ? Call(callbackfn, thisArg, « e.[[Value]], e.[[Key]], M »).
        call_value(
            agent,
            &callback,
            &this_arg,
            &[value, key, Value::Object(m.clone())],
        )?;
        // ii. NOTE: The number of elements in entries may have increased during
        //     execution of callbackfn.
        // iii. Set numEntries to the number of elements in entries.
    }
    // 8. Return undefined.
    Ok(Value::Undefined)
}

/// Map.prototype.get ( key ) (24.1.3.6).
fn get_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let M be the this value.
    // 2. Perform ? RequireInternalSlot(M, [[MapData]]).
    let m = require_internal_slot(agent, call.this, InternalSlot::MapData, "Map.prototype.get")?;
    // 3. Set key to CanonicalizeKeyedCollectionKey(key).
    let key = canonicalize_keyed_collection_key(call.arg(0));
    // 4. For each Record { [[Key]], [[Value]] } p of M.[[MapData]], do
    //    a. If p.[[Key]] is not ~empty~ and SameValue(p.[[Key]], key) is true, return
    //       p.[[Value]].
    // 5. Return undefined.
    Ok(with_map_data(&m, |data| data.get(&key))
        .flatten()
        .unwrap_or_default())
}

/// Map.prototype.has ( key ) (24.1.3.7).
fn has(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let M be the this value.
    // 2. Perform ? RequireInternalSlot(M, [[MapData]]).
    let m = require_internal_slot(agent, call.this, InternalSlot::MapData, "Map.prototype.has")?;
    // 3. Set key to CanonicalizeKeyedCollectionKey(key).
    let key = canonicalize_keyed_collection_key(call.arg(0));
    // 4. For each Record { [[Key]], [[Value]] } p of M.[[MapData]], do
    //    a. If p.[[Key]] is not ~empty~ and SameValue(p.[[Key]], key) is true, return
    //       true.
    // 5. Return false.
    Ok(Value::Boolean(
        with_map_data(&m, |data| data.has(&key)).unwrap_or(false),
    ))
}

/// Map.prototype.keys ( ) (24.1.3.8).
fn keys(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let M be the this value.
    // 2. Return ? CreateMapIterator(M, ~key~).
    create_map_iterator(agent, call.this, IterationKind::Key, "keys")
}

/// Map.prototype.set ( key, value ) (24.1.3.9).
fn set_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let M be the this value.
    // 2. Perform ? RequireInternalSlot(M, [[MapData]]).
    let m = require_internal_slot(agent, call.this, InternalSlot::MapData, "Map.prototype.set")?;
    // 3. Set key to CanonicalizeKeyedCollectionKey(key).
    let key = canonicalize_keyed_collection_key(call.arg(0));
    // 4. For each Record { [[Key]], [[Value]] } p of M.[[MapData]], do
    //    a. If p.[[Key]] is not ~empty~ and SameValue(p.[[Key]], key) is true, then
    //       i. Set p.[[Value]] to value.
    //       ii. Return M.
    // 5. Let p be the Record { [[Key]]: key, [[Value]]: value }.
    // 6. Append p to M.[[MapData]].
    let value = call.arg(1);
    if with_map_data(&m, MapData::reserve_one) == Some(false) {
        return Err(agent.range_error("out of memory: the Map cannot grow"));
    }
    with_map_data(&m, |data| data.set(key, value));
    // 7. Return M.
    Ok(Value::Object(m))
}

/// get Map.prototype.size (24.1.3.10).
fn size(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let M be the this value.
    // 2. Perform ? RequireInternalSlot(M, [[MapData]]).
    let m = require_internal_slot(
        agent,
        call.this,
        InternalSlot::MapData,
        "Map.prototype.size",
    )?;
    // 3. Let count be 0.
    // 4. For each Record { [[Key]], [[Value]] } p of M.[[MapData]], do
    //    a. If p.[[Key]] is not ~empty~, set count to count + 1.
    // 5. Return 𝔽(count).
    let count = with_map_data(&m, |data| data.size()).unwrap_or(0);
    Ok(Value::Number(count as f64))
}

/// Map.prototype.values ( ) (24.1.3.11).
fn values(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let M be the this value.
    // 2. Return ? CreateMapIterator(M, ~value~).
    create_map_iterator(agent, call.this, IterationKind::Value, "values")
}

/// %MapIteratorPrototype%.next ( ) (24.1.5.2.1): GeneratorResume(this value, ~empty~,
/// "%MapIteratorPrototype%") of the generator CreateMapIterator made.
fn map_iterator_next(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // GeneratorValidate: the this value must be a generator with the brand
    // "%MapIteratorPrototype%" (a TypeError otherwise).
    let state = match call.this {
        Value::Object(o) => match &o.data().kind {
            ObjectKind::MapIterator(d) => {
                Some((o.clone(), d.collection.clone(), d.cursor.clone(), d.kind))
            }
            _ => None,
        },
        _ => None,
    };
    let Some((generator, map, cursor, kind)) = state else {
        return Err(agent.type_error("%MapIteratorPrototype%.next called on a non-Map Iterator"));
    };
    // A completed generator returns CreateIterResultObject(undefined, true).
    let Some(map) = map else {
        return Ok(Value::Object(create_iterator_result_object(
            agent,
            Value::Undefined,
            true,
        )));
    };
    // The closure of CreateMapIterator (24.1.5.1 step 2):
    // a. Let entries be map.[[MapData]].
    // b. Let index be 0.
    // c. Let numEntries be the number of elements in entries.
    // d. Repeat, while index < numEntries,
    //    i. Let e be entries[index].
    //    ii. Set index to index + 1.
    //    iii. If e.[[Key]] is not ~empty~, then
    let next = with_map_data(&map, |data| data.next_entry(&cursor)).flatten();
    let Some((key, value)) = next else {
        // e. Return NormalCompletion(unused): the generator completes.
        if let ObjectKind::MapIterator(d) = &mut generator.data_mut().kind {
            d.collection = None;
        }
        return Ok(Value::Object(create_iterator_result_object(
            agent,
            Value::Undefined,
            true,
        )));
    };
    let result = match kind {
        // 1. If kind is ~key~, then let result be e.[[Key]].
        IterationKind::Key => key,
        // 2. Else if kind is ~value~, then let result be e.[[Value]].
        IterationKind::Value => value,
        // 3. Else, a. Assert: kind is ~key+value~.
        //    b. Let result be CreateArrayFromList(« e.[[Key]], e.[[Value]] »).
        IterationKind::KeyValue => Value::Object(create_array_from_list(agent, vec![key, value])),
    };
    // 4. Perform ? GeneratorYield(CreateIteratorResultObject(result, false)).
    // 5. NOTE: The number of elements in entries may have increased while execution of
    //    this abstract operation was paused by GeneratorYield.
    // 6. Set numEntries to the number of elements in entries.
    Ok(Value::Object(create_iterator_result_object(
        agent, result, false,
    )))
}

/// Creates %Map% (24.1.2), %Map.prototype% (24.1.3) and %MapIteratorPrototype% (24.1.5.2).
pub fn create_map_intrinsics(agent: &mut Agent, realm: &Realm) {
    let object_prototype = realm.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = ordinary_object_create(Some(object_prototype));
    realm.set_intrinsic(Intrinsic::MapPrototype, prototype.clone());
    let map = define_constructor(
        agent,
        realm,
        Intrinsic::Map,
        "Map",
        0,
        map_constructor,
        &prototype,
        None,
    );
    define_method(agent, &map, "groupBy", 2, group_by_method);
    let species = PropertyKey::Symbol(agent.well_known.species.clone());
    define_accessor(agent, &map, species, Some(get_species), None);

    let methods: &[(&str, u32, Behaviour)] = &[
        ("clear", 0, clear),
        ("delete", 1, delete),
        ("forEach", 1, for_each),
        ("get", 1, get_method),
        ("has", 1, has),
        ("keys", 0, keys),
        ("set", 2, set_method),
        ("values", 0, values),
    ];
    // 24.1.3.4: entries is also the initial value of %Symbol.iterator% (24.1.3.12).
    let entries = define_method(agent, &prototype, "entries", 0, entries);
    for &(name, length, behaviour) in methods {
        define_method(agent, &prototype, name, length, behaviour);
    }
    define_accessor(agent, &prototype, "size", Some(size), None);
    let iterator = PropertyKey::Symbol(agent.well_known.iterator.clone());
    define_value(
        &prototype,
        iterator,
        Value::Object(entries),
        true,
        false,
        true,
    );
    // 24.1.3.13 Map.prototype [ %Symbol.toStringTag% ]: "Map", { [[Writable]]: false,
    // [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(
        &prototype,
        tag.clone(),
        Value::string("Map"),
        false,
        false,
        true,
    );

    // 24.1.5.2 The %MapIteratorPrototype% Object: [[Prototype]] is %Iterator.prototype%.
    let iterator_prototype = realm.intrinsic(Intrinsic::IteratorPrototype);
    let map_iterator_prototype = ordinary_object_create(Some(iterator_prototype));
    define_method(agent, &map_iterator_prototype, "next", 0, map_iterator_next);
    define_value(
        &map_iterator_prototype,
        tag,
        Value::string("Map Iterator"),
        false,
        false,
        true,
    );
    realm.set_intrinsic(Intrinsic::MapIteratorPrototype, map_iterator_prototype);
}
