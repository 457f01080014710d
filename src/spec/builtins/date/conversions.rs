//! 21.4.4 Properties of the Date Prototype Object: the conversions (toDateString,
//! toISOString, toJSON, the toLocale*String methods, toString, toTimeString, toUTCString,
//! valueOf, [Symbol.toPrimitive]).

use super::string_formats::{
    date_string, iso_string, time_string, time_zone_string, to_date_string, utc_string,
};
use super::time_values::{date_object_and_time_value, local_time};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_type::PropertyKey;
use crate::spec::operations_on_objects::invoke;
use crate::spec::type_conversion::{ordinary_to_primitive, to_object, to_primitive, PreferredType};
use crate::spec::value::Value;

/// Date.prototype.toDateString ( ) (21.4.4.35).
pub(super) fn to_date_string_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    // 3. Let tv be dateObject.[[DateValue]].
    let (_, tv) = date_object_and_time_value(agent, call.this, "toDateString")?;
    // 4. If tv is NaN, return "Invalid Date".
    if tv.is_nan() {
        return Ok(Value::string("Invalid Date"));
    }
    // 5. Let t be LocalTime(tv).
    let t = local_time(tv);
    // 6. Return DateString(t).
    Ok(Value::string(&date_string(t)))
}

/// Date.prototype.toISOString ( ) (21.4.4.36).
pub(super) fn to_iso_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    // 3. Let tv be dateObject.[[DateValue]].
    let (_, tv) = date_object_and_time_value(agent, call.this, "toISOString")?;
    // 4. If tv is not finite, throw a RangeError exception.
    if !tv.is_finite() {
        return Err(agent.range_error("Invalid time value"));
    }
    // 5. If tv corresponds with a year that cannot be represented in the Date Time String
    //    Format, throw a RangeError exception.
    // 6. Return a String representation of tv in the Date Time String Format on the UTC
    //    time scale, including all format elements and the UTC offset representation "Z".
    Ok(Value::string(&iso_string(tv)))
}

/// Date.prototype.toJSON ( key ) (21.4.4.37).
pub(super) fn to_json(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = Value::Object(to_object(agent, call.this)?);
    // 2. Let tv be ? ToPrimitive(O, number).
    let tv = to_primitive(agent, &o, Some(PreferredType::Number))?;
    // 3. If tv is a Number and tv is not finite, return null.
    if let Value::Number(n) = tv {
        if !n.is_finite() {
            return Ok(Value::Null);
        }
    }
    // 4. Return ? Invoke(O, "toISOString").
    invoke(agent, &o, &PropertyKey::from_str("toISOString"), &[])
}

/// Date.prototype.toLocaleDateString ( [ reserved1 [ , reserved2 ] ] ) (21.4.4.38):
/// without ECMA-402 "the implementation-defined ... form that corresponds to the
/// conventions of the host environment's current locale" is that of toDateString.
pub(super) fn to_locale_date_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    to_date_string_method(agent, call)
}

/// Date.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] ) (21.4.4.39): the form
/// of toString.
pub(super) fn to_locale_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    to_string_method(agent, call)
}

/// Date.prototype.toLocaleTimeString ( [ reserved1 [ , reserved2 ] ] ) (21.4.4.40): the
/// form of toTimeString.
pub(super) fn to_locale_time_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    to_time_string(agent, call)
}

/// Date.prototype.toString ( ) (21.4.4.41).
pub(super) fn to_string_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    // 3. Let tv be dateObject.[[DateValue]].
    let (_, tv) = date_object_and_time_value(agent, call.this, "toString")?;
    // 4. Return ToDateString(tv).
    Ok(Value::string(&to_date_string(tv)))
}

/// Date.prototype.toTimeString ( ) (21.4.4.42).
pub(super) fn to_time_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    // 3. Let tv be dateObject.[[DateValue]].
    let (_, tv) = date_object_and_time_value(agent, call.this, "toTimeString")?;
    // 4. If tv is NaN, return "Invalid Date".
    if tv.is_nan() {
        return Ok(Value::string("Invalid Date"));
    }
    // 5. Let t be LocalTime(tv).
    let t = local_time(tv);
    // 6. Return the string-concatenation of TimeString(t) and TimeZoneString(tv).
    Ok(Value::string(&format!(
        "{}{}",
        time_string(t),
        time_zone_string(tv)
    )))
}

/// Date.prototype.toUTCString ( ) (21.4.4.43), which is also Date.prototype.toGMTString
/// (B.2.3.3).
pub(super) fn to_utc_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    // 3. Let tv be dateObject.[[DateValue]].
    let (_, tv) = date_object_and_time_value(agent, call.this, "toUTCString")?;
    // 4-10. (see utc_string)
    Ok(Value::string(&utc_string(tv)))
}

/// Date.prototype.valueOf ( ) (21.4.4.44).
pub(super) fn value_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    // 3. Return dateObject.[[DateValue]].
    let (_, tv) = date_object_and_time_value(agent, call.this, "valueOf")?;
    Ok(Value::Number(tv))
}

/// Date.prototype [ %Symbol.toPrimitive% ] ( hint ) (21.4.4.45).
pub(super) fn to_primitive_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. If O is not an Object, throw a TypeError exception.
    let Value::Object(o) = call.this else {
        return Err(agent.type_error("Date.prototype[Symbol.toPrimitive] called on non-object"));
    };
    // 3. If hint is either "string" or "default", then
    //    a. Let tryFirst be string.
    // 4. Else if hint is "number", then
    //    a. Let tryFirst be number.
    // 5. Else,
    //    a. Throw a TypeError exception.
    let try_first = match call.arg(0) {
        Value::String(s) if s.eq_str("string") || s.eq_str("default") => PreferredType::String,
        Value::String(s) if s.eq_str("number") => PreferredType::Number,
        _ => return Err(agent.type_error("Invalid hint for Date.prototype[Symbol.toPrimitive]")),
    };
    // 6. Return ? OrdinaryToPrimitive(O, tryFirst).
    ordinary_to_primitive(agent, o, try_first)
}
