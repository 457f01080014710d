//! `harden(value)` (SES; informal S1 `ses-harden`): freezes `value` and everything it
//! reaches through [[GetPrototypeOf]] and its own properties (values, getters and setters),
//! then adds all of them to the set of hardened objects, where a later `harden` stops.
//!
//! As SES's `harden`, the objects are frozen first and marked hardened only when every one
//! of them was (a failure — a Proxy trap that throws, an object that refuses to freeze —
//! leaves none of them marked, though those frozen stay frozen). A TypedArray cannot be
//! frozen while it has elements: its [[PreventExtensions]] runs and its non-index own
//! properties are made non-configurable and non-writable; its elements stay writable, as
//! SES documents. `harden` works only after `lockdown()` (SES throws before it).

use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::{set_integrity_level, IntegrityLevel};
use crate::spec::property_descriptor::PropertyDescriptor;
use crate::spec::value::Value;
use crate::step;
use std::collections::HashSet;

/// `harden ( value )`: the built-in function (%harden%).
pub fn harden_function(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    if !agent.current_realm().is_locked_down() {
        return Err(
            agent.type_error("harden() is only available after lockdown(): call lockdown() first")
        );
    }
    let value = call.arg(0);
    harden(agent, &value)?;
    Ok(value)
}

/// Harden ( root ) (S1).
pub fn harden(agent: &mut Agent, root: &Value) -> JsResult<()> {
    // 1. If root is not an Object, return root.
    step!("ses-harden", "1");
    let Value::Object(root) = root else {
        return Ok(());
    };
    // 2. Let toFreeze be a new empty List; perform Enqueue(root).
    step!("ses-harden", "2");
    let mut to_freeze = ToFreeze::default();
    to_freeze.enqueue(root);
    // 3. For each object O of toFreeze, in order (including those appended meanwhile),
    //    perform ? FreezeAndTraverse(O).
    step!("ses-harden", "3");
    let mut index = 0;
    while index < to_freeze.list.len() {
        let object = to_freeze.list[index].clone();
        freeze_and_traverse(agent, &object, &mut to_freeze)?;
        index += 1;
    }
    // 4. For each object O of toFreeze, add O to the set of hardened objects.
    step!("ses-harden", "4");
    for object in &to_freeze.list {
        object.data_mut().hardened = true;
    }
    // 5. Return root.
    step!("ses-harden", "5");
    Ok(())
}

/// The objects a `harden` call freezes, in the order it reaches them.
#[derive(Default)]
struct ToFreeze {
    list: Vec<Object>,
    seen: HashSet<*const ()>,
}

impl ToFreeze {
    /// Enqueue ( value ): an object that is neither hardened nor already in the list is
    /// appended to it.
    fn enqueue(&mut self, value: &Object) {
        if value.data().hardened {
            return;
        }
        if self.seen.insert(value.identity()) {
            self.list.push(value.clone());
        }
    }

    fn enqueue_value(&mut self, value: &Value) {
        if let Value::Object(o) = value {
            self.enqueue(o);
        }
    }
}

/// FreezeAndTraverse ( O ) (S1 step 3).
fn freeze_and_traverse(agent: &mut Agent, o: &Object, to_freeze: &mut ToFreeze) -> JsResult<()> {
    // a. If O is a TypedArray, perform ? FreezeTypedArray(O); else, if ?
    //    SetIntegrityLevel(O, frozen) is false, throw a TypeError exception.
    step!("ses-harden", "3.a");
    if is_typed_array(o) {
        freeze_typed_array(agent, o)?;
    } else if !set_integrity_level(agent, o, IntegrityLevel::Frozen)? {
        return Err(agent.type_error("harden: an object refused to be frozen"));
    }
    // b. Let proto be ? O.[[GetPrototypeOf]](); if it is not null, perform Enqueue(proto).
    step!("ses-harden", "3.b");
    if let Some(proto) = o.get_prototype_of(agent)? {
        to_freeze.enqueue(&proto);
    }
    // c. For each key of ? O.[[OwnPropertyKeys]](), let desc be ? O.[[GetOwnProperty]](key);
    //    if desc is not undefined, perform Enqueue(desc.[[Value]]) for a data property, or
    //    Enqueue(desc.[[Get]]) and Enqueue(desc.[[Set]]) for an accessor property.
    step!("ses-harden", "3.c");
    for key in o.own_property_keys(agent)? {
        let Some(desc) = o.get_own_property(agent, &key)? else {
            continue;
        };
        for value in [&desc.value, &desc.get, &desc.set].into_iter().flatten() {
            to_freeze.enqueue_value(value);
        }
    }
    Ok(())
}

/// Whether `o` has a [[TypedArrayName]] slot.
fn is_typed_array(o: &Object) -> bool {
    matches!(o.data().kind, ObjectKind::TypedArray(_))
}

/// FreezeTypedArray ( O ): ? O.[[PreventExtensions]](), then each own property whose key
/// is not a canonical numeric string made non-configurable (and non-writable if data).
fn freeze_typed_array(agent: &mut Agent, o: &Object) -> JsResult<()> {
    if !o.prevent_extensions(agent)? {
        return Err(agent.type_error("harden: a TypedArray refused to become non-extensible"));
    }
    for key in o.own_property_keys(agent)? {
        if matches!(key, PropertyKey::Index(_)) {
            continue;
        }
        let Some(current) = o.get_own_property(agent, &key)? else {
            continue;
        };
        let mut desc = PropertyDescriptor {
            configurable: Some(false),
            ..PropertyDescriptor::default()
        };
        if current.is_data_descriptor() {
            desc.writable = Some(false);
        }
        if !o.define_own_property(agent, &key, desc)? {
            return Err(agent.type_error("harden: a TypedArray property refused to freeze"));
        }
    }
    Ok(())
}
