//! 26.1 WeakRef Objects (sec-weak-ref-objects), with CanBeHeldWeakly (9.13),
//! AddToKeptObjects (9.10.2) and ClearKeptObjects (9.10.3).
//!
//! ## Weak references
//!
//! An object target is held as a `boa_gc::WeakGc` to the object's collector box
//! ([`WeakTarget`]): the collector does not trace through it, and once the object has
//! been collected `deref` returns undefined. Symbols are `Rc`-shared values that hold no
//! collector pointer; a symbol target is held strongly, which the spec allows (whether and
//! when a target is collected is up to the implementation) and only costs memory.
//!
//! ## [[KeptAlive]]
//!
//! AddToKeptObjects appends to the agent's [[KeptAlive]] List (`Agent::kept_alive`), so
//! that a target stays alive until the end of the current synchronous job, as 9.10
//! requires. ClearKeptObjects ([`clear_kept_objects`]) empties it when a synchronous
//! sequence of ECMAScript execution completes: after each Script the host evaluates
//! (`host::engine`) and after each job (`spec::jobs::run_jobs`).

use super::helpers::{define_constructor, define_method, define_value};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::{InternalSlot, ObjectKind};
use crate::spec::object_type::{Object, ObjectData, PropertyKey};
use crate::spec::ordinary_object_internal_methods::{
    ordinary_create_from_constructor, ordinary_object_create, require_internal_slot,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::symbol_type::Symbol;
use crate::spec::value::Value;
use boa_gc::{Finalize, GcRefCell, Trace, WeakGc};

/// CanBeHeldWeakly ( v ) (9.13).
pub fn can_be_held_weakly(agent: &Agent, v: &Value) -> bool {
    // 1. If v is an Object, return true.
    crate::step!("sec-canbeheldweakly", "1");
    if let Value::Object(_) = v {
        return true;
    }
    // 2. If v is a Symbol and KeyForSymbol(v) is undefined, return true.
    crate::step!("sec-canbeheldweakly", "2");
    if let Value::Symbol(s) = v {
        if agent.global_symbol_registry.key_for_symbol(s).is_none() {
            return true;
        }
    }
    // 3. Return false.
    crate::step!("sec-canbeheldweakly", "3");
    false
}

/// A value held weakly (a [[WeakRefTarget]], a cell's [[WeakRefTarget]] or
/// [[UnregisterToken]]); see the module documentation.
#[derive(Clone, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub enum WeakTarget {
    Object(WeakGc<GcRefCell<ObjectData>>),
    /// Held strongly: a Symbol holds no collector pointer.
    Symbol(Symbol),
    /// Held strongly: the target of a WeakRef, or of a cell of a FinalizationRegistry, made
    /// by the WeakRef or FinalizationRegistry of a compartment made after lockdown (SES;
    /// docs/spec-issues.md "Globals compartments get after lockdown").
    Strong(Object),
}

impl WeakTarget {
    /// The weak reference to `v`, which must satisfy CanBeHeldWeakly (`None` otherwise).
    pub fn new(v: &Value) -> Option<WeakTarget> {
        match v {
            Value::Object(o) => Some(WeakTarget::Object(WeakGc::new(o.as_gc()))),
            Value::Symbol(s) => Some(WeakTarget::Symbol(s.clone())),
            _ => None,
        }
    }

    /// The target, or `None` (~empty~) once it has been collected.
    pub fn get(&self) -> Option<Value> {
        match self {
            WeakTarget::Object(w) => w.upgrade().map(|gc| Value::Object(Object::from_gc(gc))),
            WeakTarget::Symbol(s) => Some(Value::Symbol(s.clone())),
            WeakTarget::Strong(o) => Some(Value::Object(o.clone())),
        }
    }

    /// The reference to `v` held strongly (an object; a symbol is always held strongly),
    /// which must satisfy CanBeHeldWeakly (`None` otherwise).
    pub fn strong(v: &Value) -> Option<WeakTarget> {
        match v {
            Value::Object(o) => Some(WeakTarget::Strong(o.clone())),
            _ => WeakTarget::new(v),
        }
    }

    /// Whether the target is still there and SameValue(target, v) is true.
    pub fn is(&self, v: &Value) -> bool {
        match (self, v) {
            (WeakTarget::Object(_), Value::Object(o)) => self
                .get()
                .is_some_and(|t| matches!(t, Value::Object(t) if t == *o)),
            (WeakTarget::Strong(t), Value::Object(o)) => t == o,
            (WeakTarget::Symbol(s), Value::Symbol(v)) => s == v,
            _ => false,
        }
    }
}

/// AddToKeptObjects ( value ) (9.10.2).
pub fn add_to_kept_objects(agent: &mut Agent, value: Value) {
    // 1. Let agentRecord be the surrounding agent's Agent Record.
    crate::step!("sec-addtokeptobjects", "1");
    // 2. Append value to agentRecord.[[KeptAlive]].
    crate::step!("sec-addtokeptobjects", "2");
    agent.kept_alive.push(value);
    // 3. Return unused.
    crate::step!("sec-addtokeptobjects", "3");
}

/// ClearKeptObjects ( ) (9.10.3): for the host, at the end of each synchronous job (see
/// the module documentation).
pub fn clear_kept_objects(agent: &mut Agent) {
    if crate::trace::enabled() {
        // 1. Let agentRecord be the surrounding agent's Agent Record.
        crate::step!("sec-clear-kept-objects", "1");
        // 2. Set agentRecord.[[KeptAlive]] to a new empty List.
        crate::step!("sec-clear-kept-objects", "2");
    }
    agent.kept_alive.clear();
    // 3. Return unused.
    crate::step!("sec-clear-kept-objects", "3");
}

/// WeakRef ( target ) (26.1.1.1).
fn weak_ref_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    weak_ref_create(agent, call, WeakTarget::new)
}

/// The steps of the `WeakRef` of a compartment made after lockdown (SES): WeakRef ( target )
/// whose weakRef holds its target strongly — ECMA-262 lets an implementation never collect
/// a WeakRef's target (9.10, "may"), and so no collection is observable through it.
fn strong_weak_ref_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    weak_ref_create(agent, call, WeakTarget::strong)
}

/// WeakRef ( target ) (26.1.1.1), with how the new weakRef holds its target.
fn weak_ref_create(
    agent: &mut Agent,
    call: &BuiltinCall,
    hold: fn(&Value) -> Option<WeakTarget>,
) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = call.new_target else {
        return Err(agent.type_error("Constructor WeakRef requires 'new'"));
    };
    // 2. If CanBeHeldWeakly(target) is false, throw a TypeError exception.
    let target = call.arg(0);
    let Some(weak) = hold(&target).filter(|_| can_be_held_weakly(agent, &target)) else {
        return Err(agent.type_error("WeakRef: the target cannot be held weakly"));
    };
    // 3. Let weakRef be ? OrdinaryCreateFromConstructor(NewTarget, "%WeakRef.prototype%",
    //    « [[WeakRefTarget]] »).
    // 5. Set weakRef.[[WeakRefTarget]] to target.
    let weak_ref = ordinary_create_from_constructor(
        agent,
        new_target,
        Intrinsic::WeakRefPrototype,
        ObjectKind::WeakRef(weak),
    )?;
    // 4. Perform AddToKeptObjects(target).
    add_to_kept_objects(agent, target);
    // 6. Return weakRef.
    Ok(Value::Object(weak_ref))
}

/// WeakRef.prototype.deref ( ) (26.1.3.2).
fn deref(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let weakRef be the this value.
    // 2. Perform ? RequireInternalSlot(weakRef, [[WeakRefTarget]]).
    let weak_ref = require_internal_slot(
        agent,
        call.this,
        InternalSlot::WeakRefTarget,
        "WeakRef.prototype.deref",
    )?;
    let target = match &weak_ref.data().kind {
        ObjectKind::WeakRef(t) => t.clone(),
        _ => unreachable!("RequireInternalSlot checked [[WeakRefTarget]]"),
    };
    // 3. Return WeakRefDeref(weakRef).
    Ok(weak_ref_deref(agent, &target))
}

/// WeakRefDeref ( weakRef ) (26.1.4.1).
fn weak_ref_deref(agent: &mut Agent, target: &WeakTarget) -> Value {
    // 1. Let target be weakRef.[[WeakRefTarget]].
    crate::step!("sec-weakrefderef", "1");
    // 2. If target is not ~empty~, then
    crate::step!("sec-weakrefderef", "2");
    if let Some(target) = target.get() {
        // a. Perform AddToKeptObjects(target).
        crate::step!("sec-weakrefderef", "2.a");
        add_to_kept_objects(agent, target.clone());
        // b. Return target.
        crate::step!("sec-weakrefderef", "2.b");
        return target;
    }
    // 3. Return undefined.
    crate::step!("sec-weakrefderef", "3");
    Value::Undefined
}

/// Creates %WeakRef% (26.1.2) and %WeakRef.prototype% (26.1.3).
pub fn create_weak_ref_intrinsics(agent: &mut Agent, realm: &Realm) {
    let object_prototype = realm.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = ordinary_object_create(Some(object_prototype));
    realm.set_intrinsic(Intrinsic::WeakRefPrototype, prototype.clone());
    define_constructor(
        agent,
        realm,
        Intrinsic::WeakRef,
        "WeakRef",
        1,
        weak_ref_constructor,
        &prototype,
        None,
    );
    define_method(agent, &prototype, "deref", 0, deref);
    // 26.1.3.3 WeakRef.prototype [ %Symbol.toStringTag% ]: "WeakRef", { [[Writable]]:
    // false, [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(
        &prototype,
        tag,
        Value::string("WeakRef"),
        false,
        false,
        true,
    );
}

/// The `WeakRef` of a compartment made after lockdown (C4.1 step 17, SES): a built-in
/// constructor named "WeakRef", of length 1, whose "prototype" is the shared
/// %WeakRef.prototype% (whose "constructor" lockdown made inert) and whose instances hold
/// their targets strongly (`strong_weak_ref_constructor`).
pub fn create_compartment_weak_ref_constructor(agent: &mut Agent, realm: &Realm) -> Object {
    compartment_constructor(
        agent,
        realm,
        "WeakRef",
        strong_weak_ref_constructor,
        Intrinsic::WeakRefPrototype,
    )
}

/// A built-in constructor named `name`, of length 1, with `steps`, whose "prototype" is
/// `prototype` ({ [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }).
pub fn compartment_constructor(
    agent: &mut Agent,
    realm: &Realm,
    name: &str,
    steps: fn(&mut Agent, &BuiltinCall) -> JsResult<Value>,
    prototype: Intrinsic,
) -> Object {
    let constructor = crate::spec::builtin_function_objects::create_builtin_function(
        agent,
        crate::spec::builtin_function_objects::BuiltinSteps::Behaviour(steps),
        1.0,
        crate::spec::ecmascript_function_objects::FunctionName::Key(PropertyKey::from_str(name)),
        Some(realm.clone()),
        None,
        None,
        true,
    );
    define_value(
        &constructor,
        "prototype",
        Value::Object(realm.intrinsic(prototype)),
        false,
        false,
        false,
    );
    constructor
}
