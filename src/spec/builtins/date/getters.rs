//! 21.4.4 Properties of the Date Prototype Object: the getters (getDate ... getUTCSeconds,
//! getTime, getTimezoneOffset) and Annex B's getYear (B.2.3.1).

use super::time_values::{
    date_from_time, date_object_and_time_value, hour_from_time, local_time, min_from_time,
    month_from_time, ms_from_time, sec_from_time, week_day, year_from_time, MS_PER_MINUTE,
};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::value::Value;

/// The common steps of the getters: "1. Let dateObject be the this value. 2. Perform ?
/// RequireInternalSlot(dateObject, [[DateValue]]). 3. Let t be dateObject.[[DateValue]].
/// 4. If t is NaN, return NaN. 5. Return f(LocalTime(t))" (or f(t) for the UTC getters).
fn getter(
    agent: &mut Agent,
    call: &BuiltinCall,
    method: &str,
    local: bool,
    f: fn(f64) -> f64,
) -> JsResult<Value> {
    let (_, t) = date_object_and_time_value(agent, call.this, method)?;
    if t.is_nan() {
        return Ok(Value::Number(f64::NAN));
    }
    let t = if local { local_time(t) } else { t };
    Ok(Value::Number(f(t)))
}

/// Date.prototype.getDate ( ) (21.4.4.2).
pub(super) fn get_date(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return DateFromTime(LocalTime(t)).
    getter(agent, call, "getDate", true, date_from_time)
}

/// Date.prototype.getDay ( ) (21.4.4.3).
pub(super) fn get_day(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return WeekDay(LocalTime(t)).
    getter(agent, call, "getDay", true, week_day)
}

/// Date.prototype.getFullYear ( ) (21.4.4.4).
pub(super) fn get_full_year(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return YearFromTime(LocalTime(t)).
    getter(agent, call, "getFullYear", true, year_from_time)
}

/// Date.prototype.getHours ( ) (21.4.4.5).
pub(super) fn get_hours(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return HourFromTime(LocalTime(t)).
    getter(agent, call, "getHours", true, hour_from_time)
}

/// Date.prototype.getMilliseconds ( ) (21.4.4.6).
pub(super) fn get_milliseconds(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return msFromTime(LocalTime(t)).
    getter(agent, call, "getMilliseconds", true, ms_from_time)
}

/// Date.prototype.getMinutes ( ) (21.4.4.7).
pub(super) fn get_minutes(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return MinFromTime(LocalTime(t)).
    getter(agent, call, "getMinutes", true, min_from_time)
}

/// Date.prototype.getMonth ( ) (21.4.4.8).
pub(super) fn get_month(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return MonthFromTime(LocalTime(t)).
    getter(agent, call, "getMonth", true, month_from_time)
}

/// Date.prototype.getSeconds ( ) (21.4.4.9).
pub(super) fn get_seconds(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return SecFromTime(LocalTime(t)).
    getter(agent, call, "getSeconds", true, sec_from_time)
}

/// Date.prototype.getTime ( ) (21.4.4.10).
pub(super) fn get_time(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    // 3. Return dateObject.[[DateValue]].
    let (_, t) = date_object_and_time_value(agent, call.this, "getTime")?;
    Ok(Value::Number(t))
}

/// Date.prototype.getTimezoneOffset ( ) (21.4.4.11).
pub(super) fn get_timezone_offset(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return (t - LocalTime(t)) / msPerMinute.
    getter(agent, call, "getTimezoneOffset", false, |t| {
        (t - local_time(t)) / MS_PER_MINUTE
    })
}

/// Date.prototype.getUTCDate ( ) (21.4.4.12).
pub(super) fn get_utc_date(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return DateFromTime(t).
    getter(agent, call, "getUTCDate", false, date_from_time)
}

/// Date.prototype.getUTCDay ( ) (21.4.4.13).
pub(super) fn get_utc_day(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return WeekDay(t).
    getter(agent, call, "getUTCDay", false, week_day)
}

/// Date.prototype.getUTCFullYear ( ) (21.4.4.14).
pub(super) fn get_utc_full_year(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return YearFromTime(t).
    getter(agent, call, "getUTCFullYear", false, year_from_time)
}

/// Date.prototype.getUTCHours ( ) (21.4.4.15).
pub(super) fn get_utc_hours(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return HourFromTime(t).
    getter(agent, call, "getUTCHours", false, hour_from_time)
}

/// Date.prototype.getUTCMilliseconds ( ) (21.4.4.16).
pub(super) fn get_utc_milliseconds(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return msFromTime(t).
    getter(agent, call, "getUTCMilliseconds", false, ms_from_time)
}

/// Date.prototype.getUTCMinutes ( ) (21.4.4.17).
pub(super) fn get_utc_minutes(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return MinFromTime(t).
    getter(agent, call, "getUTCMinutes", false, min_from_time)
}

/// Date.prototype.getUTCMonth ( ) (21.4.4.18).
pub(super) fn get_utc_month(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return MonthFromTime(t).
    getter(agent, call, "getUTCMonth", false, month_from_time)
}

/// Date.prototype.getUTCSeconds ( ) (21.4.4.19).
pub(super) fn get_utc_seconds(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return SecFromTime(t).
    getter(agent, call, "getUTCSeconds", false, sec_from_time)
}

/// Date.prototype.getYear ( ) (B.2.3.1).
pub(super) fn get_year(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    // 3. Let t be dateObject.[[DateValue]].
    // 4. If t is NaN, return NaN.
    // 5. Return YearFromTime(LocalTime(t)) - 1900𝔽.
    getter(agent, call, "getYear", true, |t| year_from_time(t) - 1900.0)
}
