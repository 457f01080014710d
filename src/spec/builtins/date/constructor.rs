//! 21.4.2 The Date Constructor and 21.4.3 Properties of the Date Constructor (Date.now,
//! Date.parse, Date.UTC).

use super::parse::parse_date;
use super::string_formats::to_date_string;
use super::time_values::{
    current_time_value, make_date, make_day, make_full_year, make_time, time_clip, utc,
};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::ordinary_object_internal_methods::ordinary_create_from_constructor;
use crate::spec::realms::Intrinsic;
use crate::spec::type_conversion::{to_number, to_primitive};
use crate::spec::value::Value;

/// Date ( ...values ) (21.4.2.1).
pub(super) fn date_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If NewTarget is undefined, then
    let Some(new_target) = call.new_target else {
        // a. Let now be the time value (UTC) identifying the current time.
        let now = current_time_value();
        // b. Return ToDateString(now).
        return Ok(Value::string(&to_date_string(now)));
    };
    // 2. Let numberOfArgs be the number of elements in values.
    let number_of_args = call.args.len();
    let dv = if number_of_args == 0 {
        // 3. If numberOfArgs = 0, then
        //    a. Let dv be the time value (UTC) identifying the current time.
        current_time_value()
    } else if number_of_args == 1 {
        // 4. Else if numberOfArgs = 1, then
        //    a. Let value be values[0].
        let value = call.arg(0);
        let date_value = match &value {
            Value::Object(o) => match o.data().kind {
                ObjectKind::Date(t) => Some(t),
                _ => None,
            },
            _ => None,
        };
        // b. If value is an Object and value has a [[DateValue]] internal slot, then
        let tv = if let Some(t) = date_value {
            // i. Let tv be value.[[DateValue]].
            t
        } else {
            // c. Else,
            //    i. Let v be ? ToPrimitive(value).
            let v = to_primitive(agent, &value, None)?;
            //    ii. If v is a String, then
            if let Value::String(s) = &v {
                // 1. Assert: The next step never returns an abrupt completion because v is
                //    a String.
                // 2. Let tv be the result of parsing v as a date, in exactly the same
                //    manner as for the parse method (21.4.3.2).
                parse_date(&s.to_rust_string())
            } else {
                // iii. Else, 1. Let tv be ? ToNumber(v).
                to_number(agent, &v)?
            }
        };
        // d. Let dv be TimeClip(tv).
        time_clip(tv)
    } else {
        // 5. Else,
        //    a. Assert: numberOfArgs ≥ 2.
        //    b. Let y be ? ToNumber(values[0]).
        //    c. Let m be ? ToNumber(values[1]).
        //    d. If numberOfArgs > 2, let dt be ? ToNumber(values[2]); else let dt be 1𝔽.
        //    e. If numberOfArgs > 3, let h be ? ToNumber(values[3]); else let h be +0𝔽.
        //    f. If numberOfArgs > 4, let min be ? ToNumber(values[4]); else let min be +0𝔽.
        //    g. If numberOfArgs > 5, let s be ? ToNumber(values[5]); else let s be +0𝔽.
        //    h. If numberOfArgs > 6, let milli be ? ToNumber(values[6]); else let milli be
        //       +0𝔽.
        let [y, m, dt, h, min, s, milli] = date_components(agent, call.args)?;
        //    i. Let yr be MakeFullYear(y).
        let yr = make_full_year(y);
        //    j. Let finalDate be MakeDate(MakeDay(yr, m, dt), MakeTime(h, min, s, milli)).
        let final_date = make_date(make_day(yr, m, dt), make_time(h, min, s, milli));
        //    k. Let dv be TimeClip(UTC(finalDate)).
        time_clip(utc(final_date))
    };
    // 6. Let O be ? OrdinaryCreateFromConstructor(NewTarget, "%Date.prototype%",
    //    « [[DateValue]] »).
    // 7. Set O.[[DateValue]] to dv.
    let o = ordinary_create_from_constructor(
        agent,
        new_target,
        Intrinsic::DatePrototype,
        ObjectKind::Date(dv),
    )?;
    // 8. Return O.
    Ok(Value::Object(o))
}

/// The ToNumber conversions of Date ( ...values ) step 5 and Date.UTC steps 1-7, in order:
/// year, month (default +0), date (default 1), hours, minutes, seconds, ms (default +0).
fn date_components(agent: &mut Agent, args: &[Value]) -> JsResult<[f64; 7]> {
    // Date.UTC: "Let y be ? ToNumber(year)" with year undefined gives NaN.
    let mut out = [f64::NAN, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0];
    for (i, slot) in out.iter_mut().enumerate() {
        if let Some(v) = args.get(i) {
            *slot = to_number(agent, v)?;
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// 21.4.3 Properties of the Date Constructor
// ---------------------------------------------------------------------------------------

/// Date.now ( ) (21.4.3.1).
pub(super) fn date_now(_agent: &mut Agent, _call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return the time value (UTC) identifying the current time.
    Ok(Value::Number(current_time_value()))
}

/// Date.parse ( string ) (21.4.3.2).
pub(super) fn date_parse(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let str be ? ToString(string). ... "The function first attempts to parse the
    //    String according to the format described in Date Time String Format (21.4.1.32),
    //    including expanded years. If the String does not conform to that format the
    //    function may fall back to any implementation-specific heuristics or
    //    implementation-specific date formats. Strings that are unrecognizable or contain
    //    out-of-bounds format element values shall cause this function to return NaN."
    let string = crate::spec::type_conversion::to_string(agent, &call.arg(0))?;
    Ok(Value::Number(parse_date(&string.to_rust_string())))
}

/// Date.UTC ( year [ , month [ , date [ , hours [ , minutes [ , seconds [ , ms ] ] ] ] ] ] )
/// (21.4.3.4).
pub(super) fn date_utc(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let y be ? ToNumber(year).
    // 2. If month is present, let m be ? ToNumber(month); else let m be +0𝔽.
    // 3. If date is present, let dt be ? ToNumber(date); else let dt be 1𝔽.
    // 4. If hours is present, let h be ? ToNumber(hours); else let h be +0𝔽.
    // 5. If minutes is present, let min be ? ToNumber(minutes); else let min be +0𝔽.
    // 6. If seconds is present, let s be ? ToNumber(seconds); else let s be +0𝔽.
    // 7. If ms is present, let milli be ? ToNumber(ms); else let milli be +0𝔽.
    let [y, m, dt, h, min, s, milli] = date_components(agent, call.args)?;
    // 8. Let yr be MakeFullYear(y).
    let yr = make_full_year(y);
    // 9. Return TimeClip(MakeDate(MakeDay(yr, m, dt), MakeTime(h, min, s, milli))).
    Ok(Value::Number(time_clip(make_date(
        make_day(yr, m, dt),
        make_time(h, min, s, milli),
    ))))
}
