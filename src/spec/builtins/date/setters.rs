//! 21.4.4 Properties of the Date Prototype Object: the setters (setDate ... setUTCSeconds,
//! setTime) and Annex B's setYear (B.2.3.2).

use super::time_values::{
    date_from_time, date_object_and_time_value, day, hour_from_time, local_time, make_date,
    make_day, make_full_year, make_time, min_from_time, month_from_time, ms_from_time,
    sec_from_time, set_date_value, time_clip, time_within_day, utc, year_from_time,
};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::type_conversion::to_number;
use crate::spec::value::Value;

/// ToNumber of the argument at `index` if it is present.
fn number_if_present(agent: &mut Agent, call: &BuiltinCall, index: usize) -> JsResult<Option<f64>> {
    match call.args.get(index) {
        Some(v) => Ok(Some(to_number(agent, v)?)),
        None => Ok(None),
    }
}

/// Date.prototype.setDate ( date ) (21.4.4.20) and setUTCDate ( date ) (21.4.4.28).
fn set_date_common(agent: &mut Agent, call: &BuiltinCall, local: bool) -> JsResult<Value> {
    let method = if local { "setDate" } else { "setUTCDate" };
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    // 3. Let t be dateObject.[[DateValue]].
    let (date_object, t) = date_object_and_time_value(agent, call.this, method)?;
    // 4. Let dt be ? ToNumber(date).
    let dt = to_number(agent, &call.arg(0))?;
    // 5. If t is NaN, return NaN.
    if t.is_nan() {
        return Ok(Value::Number(f64::NAN));
    }
    // 6. Set t to LocalTime(t). (setDate only)
    let t = if local { local_time(t) } else { t };
    // 7. Let newDate be MakeDate(MakeDay(YearFromTime(t), MonthFromTime(t), dt),
    //    TimeWithinDay(t)).
    let new_date = make_date(
        make_day(year_from_time(t), month_from_time(t), dt),
        time_within_day(t),
    );
    // 8. Let u be TimeClip(UTC(newDate)). (setUTCDate: TimeClip(newDate))
    let u = time_clip(if local { utc(new_date) } else { new_date });
    // 9. Set dateObject.[[DateValue]] to u.
    // 10. Return u.
    Ok(set_date_value(&date_object, u))
}

/// Date.prototype.setDate ( date ) (21.4.4.20).
pub(super) fn set_date(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_date_common(agent, call, true)
}

/// Date.prototype.setUTCDate ( date ) (21.4.4.28).
pub(super) fn set_utc_date(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_date_common(agent, call, false)
}

/// Date.prototype.setFullYear ( year [ , month [ , date ] ] ) (21.4.4.21) and
/// setUTCFullYear (21.4.4.29).
fn set_full_year_common(agent: &mut Agent, call: &BuiltinCall, local: bool) -> JsResult<Value> {
    let method = if local {
        "setFullYear"
    } else {
        "setUTCFullYear"
    };
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    // 3. Let t be dateObject.[[DateValue]].
    let (date_object, t) = date_object_and_time_value(agent, call.this, method)?;
    // 4. Let y be ? ToNumber(year).
    let y = to_number(agent, &call.arg(0))?;
    // 5. If t is NaN, set t to +0𝔽; otherwise, set t to LocalTime(t).
    //    (setUTCFullYear: If t is NaN, set t to +0𝔽.)
    let t = if t.is_nan() {
        0.0
    } else if local {
        local_time(t)
    } else {
        t
    };
    // 6. If month is not present, let m be MonthFromTime(t); otherwise, let m be ?
    //    ToNumber(month).
    let m = match number_if_present(agent, call, 1)? {
        Some(m) => m,
        None => month_from_time(t),
    };
    // 7. If date is not present, let dt be DateFromTime(t); otherwise, let dt be ?
    //    ToNumber(date).
    let dt = match number_if_present(agent, call, 2)? {
        Some(dt) => dt,
        None => date_from_time(t),
    };
    // 8. Let newDate be MakeDate(MakeDay(y, m, dt), TimeWithinDay(t)).
    let new_date = make_date(make_day(y, m, dt), time_within_day(t));
    // 9. Let u be TimeClip(UTC(newDate)). (setUTCFullYear: TimeClip(newDate))
    let u = time_clip(if local { utc(new_date) } else { new_date });
    // 10. Set dateObject.[[DateValue]] to u.
    // 11. Return u.
    Ok(set_date_value(&date_object, u))
}

/// Date.prototype.setFullYear ( year [ , month [ , date ] ] ) (21.4.4.21).
pub(super) fn set_full_year(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_full_year_common(agent, call, true)
}

/// Date.prototype.setUTCFullYear ( year [ , month [ , date ] ] ) (21.4.4.29).
pub(super) fn set_utc_full_year(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_full_year_common(agent, call, false)
}

/// Which time component a time setter starts at: setHours takes (hour, min, sec, ms),
/// setMinutes (min, sec, ms), setSeconds (sec, ms), setMilliseconds (ms).
#[derive(Clone, Copy)]
enum TimeSetter {
    Hours,
    Minutes,
    Seconds,
    Milliseconds,
}

/// Date.prototype.setHours (21.4.4.22), setMilliseconds (21.4.4.23), setMinutes
/// (21.4.4.24), setSeconds (21.4.4.26) and their UTC forms (21.4.4.30, 21.4.4.31,
/// 21.4.4.32, 21.4.4.34). For setHours ( hour [ , min [ , sec [ , ms ] ] ] ):
///
/// 1. Let dateObject be the this value.
/// 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
/// 3. Let t be dateObject.[[DateValue]].
/// 4. Let h be ? ToNumber(hour).
/// 5. If min is present, let m be ? ToNumber(min).
/// 6. If sec is present, let s be ? ToNumber(sec).
/// 7. If ms is present, let milli be ? ToNumber(ms).
/// 8. If t is NaN, return NaN.
/// 9. Set t to LocalTime(t). (not for the UTC forms)
/// 10. If min is not present, let m be MinFromTime(t).
/// 11. If sec is not present, let s be SecFromTime(t).
/// 12. If ms is not present, let milli be msFromTime(t).
/// 13. Let date be MakeDate(Day(t), MakeTime(h, m, s, milli)).
/// 14. Let u be TimeClip(UTC(date)). (TimeClip(date) for the UTC forms)
/// 15. Set dateObject.[[DateValue]] to u.
/// 16. Return u.
///
/// The other setters are the same with their leading components taken from t.
fn set_time_common(
    agent: &mut Agent,
    call: &BuiltinCall,
    first: TimeSetter,
    local: bool,
    method: &str,
) -> JsResult<Value> {
    // 1-3.
    let (date_object, t) = date_object_and_time_value(agent, call.this, method)?;
    // 4-7. Convert the arguments that are given (the first always), in order.
    let skip = first as usize;
    let count = 4 - skip;
    let mut given: [Option<f64>; 4] = [None; 4];
    for i in 0..count {
        given[skip + i] = if i == 0 {
            Some(to_number(agent, &call.arg(0))?)
        } else {
            number_if_present(agent, call, i)?
        };
    }
    // 8. If t is NaN, return NaN.
    if t.is_nan() {
        return Ok(Value::Number(f64::NAN));
    }
    // 9. Set t to LocalTime(t).
    let t = if local { local_time(t) } else { t };
    // 10-12. Components not given are those of t.
    let from_t = [
        hour_from_time(t),
        min_from_time(t),
        sec_from_time(t),
        ms_from_time(t),
    ];
    let [h, m, s, milli] = [0, 1, 2, 3].map(|i| given[i].unwrap_or(from_t[i]));
    // 13. Let date be MakeDate(Day(t), MakeTime(h, m, s, milli)).
    let date = make_date(day(t), make_time(h, m, s, milli));
    // 14. Let u be TimeClip(UTC(date)).
    let u = time_clip(if local { utc(date) } else { date });
    // 15. Set dateObject.[[DateValue]] to u.
    // 16. Return u.
    Ok(set_date_value(&date_object, u))
}

/// Date.prototype.setHours ( hour [ , min [ , sec [ , ms ] ] ] ) (21.4.4.22).
pub(super) fn set_hours(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_time_common(agent, call, TimeSetter::Hours, true, "setHours")
}

/// Date.prototype.setMilliseconds ( ms ) (21.4.4.23).
pub(super) fn set_milliseconds(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_time_common(
        agent,
        call,
        TimeSetter::Milliseconds,
        true,
        "setMilliseconds",
    )
}

/// Date.prototype.setMinutes ( min [ , sec [ , ms ] ] ) (21.4.4.24).
pub(super) fn set_minutes(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_time_common(agent, call, TimeSetter::Minutes, true, "setMinutes")
}

/// Date.prototype.setSeconds ( sec [ , ms ] ) (21.4.4.26).
pub(super) fn set_seconds(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_time_common(agent, call, TimeSetter::Seconds, true, "setSeconds")
}

/// Date.prototype.setUTCHours ( hour [ , min [ , sec [ , ms ] ] ] ) (21.4.4.30).
pub(super) fn set_utc_hours(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_time_common(agent, call, TimeSetter::Hours, false, "setUTCHours")
}

/// Date.prototype.setUTCMilliseconds ( ms ) (21.4.4.31).
pub(super) fn set_utc_milliseconds(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_time_common(
        agent,
        call,
        TimeSetter::Milliseconds,
        false,
        "setUTCMilliseconds",
    )
}

/// Date.prototype.setUTCMinutes ( min [ , sec [ , ms ] ] ) (21.4.4.32).
pub(super) fn set_utc_minutes(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_time_common(agent, call, TimeSetter::Minutes, false, "setUTCMinutes")
}

/// Date.prototype.setUTCSeconds ( sec [ , ms ] ) (21.4.4.34).
pub(super) fn set_utc_seconds(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_time_common(agent, call, TimeSetter::Seconds, false, "setUTCSeconds")
}

/// Date.prototype.setMonth ( month [ , date ] ) (21.4.4.25) and setUTCMonth (21.4.4.33).
fn set_month_common(agent: &mut Agent, call: &BuiltinCall, local: bool) -> JsResult<Value> {
    let method = if local { "setMonth" } else { "setUTCMonth" };
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    // 3. Let t be dateObject.[[DateValue]].
    let (date_object, t) = date_object_and_time_value(agent, call.this, method)?;
    // 4. Let m be ? ToNumber(month).
    let m = to_number(agent, &call.arg(0))?;
    // 5. If date is present, let dt be ? ToNumber(date).
    let dt = number_if_present(agent, call, 1)?;
    // 6. If t is NaN, return NaN.
    if t.is_nan() {
        return Ok(Value::Number(f64::NAN));
    }
    // 7. Set t to LocalTime(t). (setMonth only)
    let t = if local { local_time(t) } else { t };
    // 8. If date is not present, let dt be DateFromTime(t).
    let dt = dt.unwrap_or_else(|| date_from_time(t));
    // 9. Let newDate be MakeDate(MakeDay(YearFromTime(t), m, dt), TimeWithinDay(t)).
    let new_date = make_date(make_day(year_from_time(t), m, dt), time_within_day(t));
    // 10. Let u be TimeClip(UTC(newDate)). (setUTCMonth: TimeClip(newDate))
    let u = time_clip(if local { utc(new_date) } else { new_date });
    // 11. Set dateObject.[[DateValue]] to u.
    // 12. Return u.
    Ok(set_date_value(&date_object, u))
}

/// Date.prototype.setMonth ( month [ , date ] ) (21.4.4.25).
pub(super) fn set_month(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_month_common(agent, call, true)
}

/// Date.prototype.setUTCMonth ( month [ , date ] ) (21.4.4.33).
pub(super) fn set_utc_month(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_month_common(agent, call, false)
}

/// Date.prototype.setTime ( time ) (21.4.4.27).
pub(super) fn set_time(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    let (date_object, _) = date_object_and_time_value(agent, call.this, "setTime")?;
    // 3. Let t be ? ToNumber(time).
    let t = to_number(agent, &call.arg(0))?;
    // 4. Let v be TimeClip(t).
    let v = time_clip(t);
    // 5. Set dateObject.[[DateValue]] to v.
    // 6. Return v.
    Ok(set_date_value(&date_object, v))
}

/// Date.prototype.setYear ( year ) (B.2.3.2).
pub(super) fn set_year(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    // 3. Let t be dateObject.[[DateValue]].
    let (date_object, t) = date_object_and_time_value(agent, call.this, "setYear")?;
    // 4. Let y be ? ToNumber(year).
    let y = to_number(agent, &call.arg(0))?;
    // 5. If t is NaN, set t to +0𝔽; otherwise, set t to LocalTime(t).
    let t = if t.is_nan() { 0.0 } else { local_time(t) };
    // 6. Let yyyy be MakeFullYear(y).
    let yyyy = make_full_year(y);
    // 7. Let d be MakeDay(yyyy, MonthFromTime(t), DateFromTime(t)).
    let d = make_day(yyyy, month_from_time(t), date_from_time(t));
    // 8. Let date be MakeDate(d, TimeWithinDay(t)).
    let date = make_date(d, time_within_day(t));
    // 9. Let u be TimeClip(UTC(date)).
    let u = time_clip(utc(date));
    // 10. Set dateObject.[[DateValue]] to u.
    // 11. Return u.
    Ok(set_date_value(&date_object, u))
}
