//! 10.4.7 Immutable Prototype Exotic Objects (sec-immutable-prototype-exotic-objects):
//! %Object.prototype%.

use super::agents::Agent;
use super::completion_record::JsResult;
use super::object_type::{InternalMethods, Object};
use super::ordinary_object_internal_methods::ORDINARY_METHODS;

/// An ordinary object whose [[SetPrototypeOf]] is SetImmutablePrototype.
pub static IMMUTABLE_PROTOTYPE_METHODS: InternalMethods = InternalMethods {
    set_prototype_of: immutable_set_prototype_of,
    ..ORDINARY_METHODS
};

/// [[SetPrototypeOf]] ( V ) (10.4.7.1).
fn immutable_set_prototype_of(agent: &mut Agent, o: &Object, v: Option<Object>) -> JsResult<bool> {
    // 1. Return ? SetImmutablePrototype(O, V).
    crate::step!(
        "sec-immutable-prototype-exotic-objects-setprototypeof-v",
        "1"
    );
    set_immutable_prototype(agent, o, v)
}

/// SetImmutablePrototype ( O, V ) (10.4.7.2).
pub fn set_immutable_prototype(agent: &mut Agent, o: &Object, v: Option<Object>) -> JsResult<bool> {
    // 1. Let current be ? O.[[GetPrototypeOf]]().
    crate::step!("sec-set-immutable-prototype", "1");
    let current = o.get_prototype_of(agent)?;
    // 2. If SameValue(V, current) is true, return true.
    crate::step!("sec-set-immutable-prototype", "2");
    if v == current {
        return Ok(true);
    }
    // 3. Return false.
    crate::step!("sec-set-immutable-prototype", "3");
    Ok(false)
}
