//! 20.3 Boolean Objects (sec-boolean-objects): the Boolean constructor and
//! %Boolean.prototype% (itself a Boolean object whose [[BooleanData]] is false).

use super::helpers::{define_constructor, define_method};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::{InternalSlot, ObjectKind};
use crate::spec::ordinary_object_internal_methods::{
    brand_check_error, ordinary_create_from_constructor,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::type_conversion::to_boolean;
use crate::spec::value::Value;

/// Boolean ( value ) (20.3.1.1).
fn boolean_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let b be ToBoolean(value).
    let b = to_boolean(&call.arg(0));
    // 2. If NewTarget is undefined, return b.
    let Some(new_target) = call.new_target else {
        return Ok(Value::Boolean(b));
    };
    // 3. Let O be ? OrdinaryCreateFromConstructor(NewTarget, "%Boolean.prototype%",
    //    « [[BooleanData]] »).
    // 4. Set O.[[BooleanData]] to b.
    let o = ordinary_create_from_constructor(
        agent,
        new_target,
        Intrinsic::BooleanPrototype,
        ObjectKind::Boolean(b),
    )?;
    // 5. Return O.
    Ok(Value::Object(o))
}

/// ThisBooleanValue ( value ) (20.3.3.3.1).
fn this_boolean_value(agent: &mut Agent, value: &Value, method: &str) -> JsResult<bool> {
    // 1. If value is a Boolean, return value.
    crate::step!("sec-thisbooleanvalue", "1");
    if let Value::Boolean(b) = value {
        return Ok(*b);
    }
    // 2. If value is an Object and value has a [[BooleanData]] internal slot, then
    crate::step!("sec-thisbooleanvalue", "2");
    if let Value::Object(o) = value {
        if let ObjectKind::Boolean(b) = &o.data().kind {
            // a. Let b be value.[[BooleanData]].
            crate::step!("sec-thisbooleanvalue", "2.a");
            let b = *b;
            // b. Assert: b is a Boolean.
            crate::spec_assert!(
                "sec-thisbooleanvalue",
                "2.b",
                by: "the [[BooleanData]] slot holds a bool"
            );
            // c. Return b.
            crate::step!("sec-thisbooleanvalue", "2.c");
            return Ok(b);
        }
    }
    // 3. Throw a TypeError exception.
    crate::step!("sec-thisbooleanvalue", "3");
    Err(brand_check_error(
        agent,
        InternalSlot::BooleanData,
        format_args!("Boolean.prototype.{method}"),
    ))
}

/// Boolean.prototype.toString ( ) (20.3.3.2).
fn to_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let b be ? ThisBooleanValue(this value).
    let b = this_boolean_value(agent, call.this, "toString")?;
    // 2. If b is true, return "true"; else return "false".
    Ok(Value::string(if b { "true" } else { "false" }))
}

/// Boolean.prototype.valueOf ( ) (20.3.3.3).
fn value_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return ? ThisBooleanValue(this value).
    Ok(Value::Boolean(this_boolean_value(
        agent, call.this, "valueOf",
    )?))
}

/// Creates %Boolean% (20.3.2) and the methods of %Boolean.prototype% (20.3.3).
pub fn create_boolean_intrinsics(agent: &mut Agent, realm: &Realm) {
    let prototype = realm.intrinsic(Intrinsic::BooleanPrototype);
    define_constructor(
        agent,
        realm,
        Intrinsic::Boolean,
        "Boolean",
        1,
        boolean_constructor,
        &prototype,
        None,
    );
    define_method(agent, &prototype, "toString", 0, to_string);
    define_method(agent, &prototype, "valueOf", 0, value_of);
}
