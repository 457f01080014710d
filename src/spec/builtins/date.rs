//! 21.4 Date Objects (sec-date-objects): the time value operations of 21.4.1, the Date
//! constructor (21.4.2), its functions (21.4.3), %Date.prototype% (21.4.4, an ordinary
//! object that is not a Date instance) and the Annex B methods getYear, setYear and
//! toGMTString (B.2.3).
//!
//! Host time zone: this implementation's local time zone is UTC. LocalTime and UTC
//! (21.4.1.25, 21.4.1.26) use an offset of 0 (there are no time zone transitions), and
//! the time zone name that toString prints is "Coordinated Universal Time".
//!
//! The toLocale*String methods are not provided by ECMA-402 here; as 21.4.4.38-40 allow,
//! they return the same strings as toString, toDateString and toTimeString.

use super::helpers::{define_constructor, define_method, define_value};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::{InternalSlot, ObjectKind};
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::invoke;
use crate::spec::ordinary_object_internal_methods::{
    ordinary_create_from_constructor, ordinary_object_create, require_internal_slot,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::type_conversion::{
    integer_or_infinity, ordinary_to_primitive, to_number, to_object, to_primitive, PreferredType,
};
use crate::spec::value::Value;

// ---------------------------------------------------------------------------------------
// 21.4.1 Abstract Operations for Date Objects
// ---------------------------------------------------------------------------------------

/// msPerDay (21.4.1.2).
const MS_PER_DAY: f64 = 86_400_000.0;
/// msPerHour, msPerMinute, msPerSecond (21.4.1.14).
const MS_PER_HOUR: f64 = 3_600_000.0;
const MS_PER_MINUTE: f64 = 60_000.0;
const MS_PER_SECOND: f64 = 1000.0;
/// The largest absolute time value (21.4.1.1: "exactly –100,000,000 days to 100,000,000
/// days relative to midnight at the beginning of 1 January 1970 UTC").
const MAX_TIME: f64 = 8.64e15;

/// x modulo y (5.2.5 Mathematical Operations): the result has the sign of y.
fn modulo(x: f64, y: f64) -> f64 {
    let r = x % y;
    if r != 0.0 && (r < 0.0) != (y < 0.0) {
        r + y
    } else {
        // +0 rather than -0: "modulo" yields a mathematical value.
        r + 0.0
    }
}

/// Day ( t ) (21.4.1.3).
fn day(t: f64) -> f64 {
    // 1. Return 𝔽(floor(ℝ(t / msPerDay))).
    (t / MS_PER_DAY).floor()
}

/// TimeWithinDay ( t ) (21.4.1.4).
fn time_within_day(t: f64) -> f64 {
    // 1. Return 𝔽(ℝ(t) modulo ℝ(msPerDay)).
    modulo(t, MS_PER_DAY)
}

/// DaysInYear ( y ) (21.4.1.5).
fn days_in_year(y: f64) -> f64 {
    // 1. Let ry be ℝ(y).
    // 2. If (ry modulo 400) = 0, return 366𝔽.
    // 3. If (ry modulo 100) = 0, return 365𝔽.
    // 4. If (ry modulo 4) = 0, return 366𝔽.
    // 5. Return 365𝔽.
    if modulo(y, 400.0) == 0.0 {
        366.0
    } else if modulo(y, 100.0) == 0.0 {
        365.0
    } else if modulo(y, 4.0) == 0.0 {
        366.0
    } else {
        365.0
    }
}

/// DayFromYear ( y ) (21.4.1.6).
fn day_from_year(y: f64) -> f64 {
    // 1. Let ry be ℝ(y).
    // 2. NOTE: In the following steps, numYears1, numYears4, numYears100, and numYears400
    //    represent the number of years divisible by 1, 4, 100, and 400, respectively, that
    //    occur between the epoch and the start of year y. ...
    // 3. Let numYears1 be (ry - 1970).
    // 4. Let numYears4 be floor((ry - 1969) / 4).
    // 5. Let numYears100 be floor((ry - 1901) / 100).
    // 6. Let numYears400 be floor((ry - 1601) / 400).
    // 7. Return 𝔽(365 × numYears1 + numYears4 - numYears100 + numYears400).
    365.0 * (y - 1970.0) + ((y - 1969.0) / 4.0).floor() - ((y - 1901.0) / 100.0).floor()
        + ((y - 1601.0) / 400.0).floor()
}

/// TimeFromYear ( y ) (21.4.1.7).
fn time_from_year(y: f64) -> f64 {
    // 1. Return msPerDay × DayFromYear(y).
    MS_PER_DAY * day_from_year(y)
}

/// YearFromTime ( t ) (21.4.1.8). NaN for a non-finite t.
fn year_from_time(t: f64) -> f64 {
    if !t.is_finite() {
        return f64::NAN;
    }
    // 1. Return the largest integral Number y (closest to +∞) such that TimeFromYear(y) ≤
    //    t.
    // An estimate from the mean Gregorian year, then corrected (at most a step or two).
    let mut y = (day(t) / 365.2425).floor() + 1970.0;
    for _ in 0..8 {
        if time_from_year(y) > t {
            y -= 1.0;
        } else if time_from_year(y + 1.0) <= t {
            y += 1.0;
        } else {
            break;
        }
    }
    y
}

/// DayWithinYear ( t ) (21.4.1.9).
fn day_within_year(t: f64) -> f64 {
    // 1. Return Day(t) - DayFromYear(YearFromTime(t)).
    day(t) - day_from_year(year_from_time(t))
}

/// InLeapYear ( t ) (21.4.1.10).
fn in_leap_year(t: f64) -> bool {
    // 1. If DaysInYear(YearFromTime(t)) is 366𝔽, return 1𝔽; else return +0𝔽.
    days_in_year(year_from_time(t)) == 366.0
}

/// The day within the year on which each month starts (the sums in MonthFromTime and
/// DateFromTime), for a common year; a leap year adds one from March on.
const MONTH_STARTS: [f64; 13] = [
    0.0, 31.0, 59.0, 90.0, 120.0, 151.0, 181.0, 212.0, 243.0, 273.0, 304.0, 334.0, 365.0,
];

/// The first day within the year of month `m` (0-11, or 12 for the year's end).
fn month_start(m: usize, leap: bool) -> f64 {
    MONTH_STARTS[m] + if leap && m >= 2 { 1.0 } else { 0.0 }
}

/// MonthFromTime ( t ) (21.4.1.11).
fn month_from_time(t: f64) -> f64 {
    if !t.is_finite() {
        return f64::NAN;
    }
    // 1. Let inLeapYear be InLeapYear(t).
    let leap = in_leap_year(t);
    // 2. Let dayWithinYear be DayWithinYear(t).
    let day_within_year = day_within_year(t);
    // 3. If dayWithinYear < 31𝔽, return +0𝔽.
    // 4. If dayWithinYear < 59𝔽 + inLeapYear, return 1𝔽.
    // ...
    // 14. Assert: dayWithinYear < 365𝔽 + inLeapYear.
    // 15. Return 11𝔽.
    (1..=12)
        .find(|m| day_within_year < month_start(*m, leap))
        .map_or(11.0, |m| (m - 1) as f64)
}

/// DateFromTime ( t ) (21.4.1.12).
fn date_from_time(t: f64) -> f64 {
    if !t.is_finite() {
        return f64::NAN;
    }
    // 1. Let inLeapYear be InLeapYear(t).
    let leap = in_leap_year(t);
    // 2. Let dayWithinYear be DayWithinYear(t).
    let day_within_year = day_within_year(t);
    // 3. Let month be MonthFromTime(t).
    let month = month_from_time(t);
    // 4. If month is +0𝔽, return dayWithinYear + 1𝔽.
    // 5. If month is 1𝔽, return dayWithinYear - 30𝔽.
    // 6. If month is 2𝔽, return dayWithinYear - 58𝔽 - inLeapYear.
    // ...
    // 15. Assert: month is 11𝔽.
    // 16. Return dayWithinYear - 333𝔽 - inLeapYear.
    day_within_year - month_start(month as usize, leap) + 1.0
}

/// WeekDay ( t ) (21.4.1.13).
fn week_day(t: f64) -> f64 {
    // 1. Return 𝔽(ℝ(Day(t) + 4𝔽) modulo 7).
    modulo(day(t) + 4.0, 7.0)
}

/// HourFromTime ( t ) (21.4.1.14).
fn hour_from_time(t: f64) -> f64 {
    // 1. Return 𝔽(floor(ℝ(t / msPerHour)) modulo HoursPerDay).
    modulo((t / MS_PER_HOUR).floor(), 24.0)
}

/// MinFromTime ( t ) (21.4.1.15).
fn min_from_time(t: f64) -> f64 {
    // 1. Return 𝔽(floor(ℝ(t / msPerMinute)) modulo MinutesPerHour).
    modulo((t / MS_PER_MINUTE).floor(), 60.0)
}

/// SecFromTime ( t ) (21.4.1.16).
fn sec_from_time(t: f64) -> f64 {
    // 1. Return 𝔽(floor(ℝ(t / msPerSecond)) modulo SecondsPerMinute).
    modulo((t / MS_PER_SECOND).floor(), 60.0)
}

/// msFromTime ( t ) (21.4.1.17).
fn ms_from_time(t: f64) -> f64 {
    // 1. Return 𝔽(ℝ(t) modulo ℝ(msPerSecond)).
    modulo(t, MS_PER_SECOND)
}

/// LocalTime ( t ) (21.4.1.25). The host's local time zone is UTC:
/// GetNamedTimeZoneOffsetNanoseconds yields 0, so offsetMs is 0.
fn local_time(t: f64) -> f64 {
    // 1. Let systemTimeZoneIdentifier be SystemTimeZoneIdentifier() ("UTC").
    // 2. If IsTimeZoneOffsetString(systemTimeZoneIdentifier) is true, then ...
    // 3. Else, a. Let offsetNs be GetNamedTimeZoneOffsetNanoseconds(
    //    systemTimeZoneIdentifier, ℤ(ℝ(t) × 10^6)) (0 for "UTC").
    // 4. Let offsetMs be truncate(offsetNs / 10^6).
    // 5. Return t + 𝔽(offsetMs).
    t + 0.0
}

/// UTC ( t ) (21.4.1.26), with the host's local time zone UTC (offset 0).
fn utc(t: f64) -> f64 {
    // 1. If t is not finite, return NaN.
    if !t.is_finite() {
        return f64::NAN;
    }
    // 2-6. ... Let offsetNs be ... (0 for "UTC"). Let offsetMs be truncate(offsetNs /
    //      10^6).
    // 7. Return t - 𝔽(offsetMs).
    t - 0.0
}

/// MakeTime ( hour, min, sec, ms ) (21.4.1.27).
fn make_time(hour: f64, min: f64, sec: f64, ms: f64) -> f64 {
    // 1. If hour is not finite, min is not finite, sec is not finite, or ms is not finite,
    //    return NaN.
    if !(hour.is_finite() && min.is_finite() && sec.is_finite() && ms.is_finite()) {
        return f64::NAN;
    }
    // 2. Let h be 𝔽(! ToIntegerOrInfinity(hour)).
    let h = integer_or_infinity(hour);
    // 3. Let m be 𝔽(! ToIntegerOrInfinity(min)).
    let m = integer_or_infinity(min);
    // 4. Let s be 𝔽(! ToIntegerOrInfinity(sec)).
    let s = integer_or_infinity(sec);
    // 5. Let milli be 𝔽(! ToIntegerOrInfinity(ms)).
    let milli = integer_or_infinity(ms);
    // 6. Return ((h × msPerHour + m × msPerMinute) + s × msPerSecond) + milli.
    //    (performing the arithmetic according to IEEE 754-2019 rules, that is, as if using
    //    the ECMAScript operators × and +).
    ((h * MS_PER_HOUR + m * MS_PER_MINUTE) + s * MS_PER_SECOND) + milli
}

/// MakeDay ( year, month, date ) (21.4.1.28).
fn make_day(year: f64, month: f64, date: f64) -> f64 {
    // 1. If year is not finite, month is not finite, or date is not finite, return NaN.
    if !(year.is_finite() && month.is_finite() && date.is_finite()) {
        return f64::NAN;
    }
    // 2. Let y be 𝔽(! ToIntegerOrInfinity(year)).
    let y = integer_or_infinity(year);
    // 3. Let m be 𝔽(! ToIntegerOrInfinity(month)).
    let m = integer_or_infinity(month);
    // 4. Let dt be 𝔽(! ToIntegerOrInfinity(date)).
    let dt = integer_or_infinity(date);
    // 5. Let ym be y + 𝔽(floor(ℝ(m) / 12)).
    let ym = y + (m / 12.0).floor();
    // 6. If ym is not finite, return NaN.
    if !ym.is_finite() {
        return f64::NAN;
    }
    // 7. Let mn be 𝔽(ℝ(m) modulo 12).
    let mn = modulo(m, 12.0);
    // 8. Find a finite time value t such that YearFromTime(t) is ym, MonthFromTime(t) is
    //    mn, and DateFromTime(t) is 1𝔽; but if this is not possible (because some argument
    //    is out of range), return NaN.
    // A year this far out cannot give a time value within the range of 21.4.1.1 whatever
    // the date and time are, and its days would no longer be exact.
    if ym.abs() > 1.0e9 {
        return f64::NAN;
    }
    let leap = days_in_year(ym) == 366.0;
    let t = time_from_year(ym) + month_start(mn as usize, leap) * MS_PER_DAY;
    // 9. Return Day(t) + dt - 1𝔽.
    day(t) + dt - 1.0
}

/// MakeDate ( day, time ) (21.4.1.29).
fn make_date(day: f64, time: f64) -> f64 {
    // 1. If day is not finite or time is not finite, return NaN.
    if !(day.is_finite() && time.is_finite()) {
        return f64::NAN;
    }
    // 2. Let tv be day × msPerDay + time.
    let tv = day * MS_PER_DAY + time;
    // 3. If tv is not finite, return NaN.
    if !tv.is_finite() {
        return f64::NAN;
    }
    // 4. Return tv.
    tv
}

/// MakeFullYear ( year ) (21.4.1.30).
fn make_full_year(year: f64) -> f64 {
    // 1. If year is NaN, return NaN.
    if year.is_nan() {
        return f64::NAN;
    }
    // 2. Let truncated be ! ToIntegerOrInfinity(year).
    let truncated = integer_or_infinity(year);
    // 3. If truncated is in the inclusive interval from 0 to 99, return 1900𝔽 +
    //    𝔽(truncated).
    if (0.0..=99.0).contains(&truncated) {
        return 1900.0 + truncated;
    }
    // 4. Return 𝔽(truncated).
    truncated
}

/// TimeClip ( time ) (21.4.1.31).
fn time_clip(time: f64) -> f64 {
    // 1. If time is not finite, return NaN.
    if !time.is_finite() {
        return f64::NAN;
    }
    // 2. If abs(ℝ(time)) > 8.64 × 10^15, return NaN.
    if time.abs() > MAX_TIME {
        return f64::NAN;
    }
    // 3. Return 𝔽(! ToIntegerOrInfinity(time)).
    // (A mathematical integer: truncating a negative fraction gives +0, never -0.)
    integer_or_infinity(time) + 0.0
}

/// The current time value: "the time value (UTC) identifying the current time", from the
/// host clock, floored to a whole millisecond.
fn current_time_value() -> f64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    let ms = match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_secs_f64() * 1000.0,
        Err(e) => -(e.duration().as_secs_f64() * 1000.0),
    };
    time_clip(ms.floor())
}

/// The steps every Date.prototype method starts with: "Let dateObject be the this value.
/// Perform ? RequireInternalSlot(dateObject, [[DateValue]]). Let t be
/// dateObject.[[DateValue]]."
fn date_object_and_time_value(
    agent: &mut Agent,
    this: &Value,
    method: &str,
) -> JsResult<(Object, f64)> {
    let date_object = require_internal_slot(
        agent,
        this,
        InternalSlot::DateValue,
        format_args!("Date.prototype.{method}"),
    )?;
    let t = match date_object.data().kind {
        ObjectKind::Date(t) => t,
        _ => unreachable!("RequireInternalSlot checked [[DateValue]]"),
    };
    Ok((date_object, t))
}

/// Sets dateObject.[[DateValue]] to `v` and returns it as a Value.
fn set_date_value(date_object: &Object, v: f64) -> Value {
    date_object.data_mut().kind = ObjectKind::Date(v);
    Value::Number(v)
}

// ---------------------------------------------------------------------------------------
// 21.4.4.41 Date.prototype.toString and its abstract operations: string formats
// ---------------------------------------------------------------------------------------

/// Table 63: Names of days of the week.
const DAY_NAMES: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
/// Table 64: Names of months of the year.
const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// ToZeroPaddedDecimalString of a non-negative integral Number.
fn padded(n: f64, min_length: usize) -> String {
    format!("{:0>width$}", format!("{n:.0}"), width = min_length)
}

/// The yearSign and paddedYear of DateString and toUTCString: "-" for a negative year,
/// then ToZeroPaddedDecimalString(abs(ℝ(yv)), 4).
fn year_string(yv: f64) -> String {
    let sign = if yv >= 0.0 { "" } else { "-" };
    format!("{sign}{}", padded(yv.abs(), 4))
}

/// TimeString ( tv ) (21.4.4.41.1).
fn time_string(tv: f64) -> String {
    // 1. Let hour be ToZeroPaddedDecimalString(ℝ(HourFromTime(tv)), 2).
    // 2. Let minute be ToZeroPaddedDecimalString(ℝ(MinFromTime(tv)), 2).
    // 3. Let second be ToZeroPaddedDecimalString(ℝ(SecFromTime(tv)), 2).
    // 4. Return the string-concatenation of hour, ":", minute, ":", second, the code unit
    //    0x0020 (SPACE), and "GMT".
    format!(
        "{}:{}:{} GMT",
        padded(hour_from_time(tv), 2),
        padded(min_from_time(tv), 2),
        padded(sec_from_time(tv), 2)
    )
}

/// DateString ( tv ) (21.4.4.41.2).
fn date_string(tv: f64) -> String {
    // 1. Let weekday be the Name of the entry in Table 63 with the Number WeekDay(tv).
    let weekday = DAY_NAMES[week_day(tv) as usize % 7];
    // 2. Let month be the Name of the entry in Table 64 with the Number MonthFromTime(tv).
    let month = MONTH_NAMES[month_from_time(tv) as usize % 12];
    // 3. Let day be ToZeroPaddedDecimalString(ℝ(DateFromTime(tv)), 2).
    let day = padded(date_from_time(tv), 2);
    // 4. Let yv be YearFromTime(tv).
    // 5. If yv is +0𝔽 or yv > +0𝔽, let yearSign be the empty String; otherwise, let
    //    yearSign be "-".
    // 6. Let paddedYear be ToZeroPaddedDecimalString(abs(ℝ(yv)), 4).
    let year = year_string(year_from_time(tv));
    // 7. Return the string-concatenation of weekday, the code unit 0x0020 (SPACE), month,
    //    the code unit 0x0020 (SPACE), day, the code unit 0x0020 (SPACE), yearSign, and
    //    paddedYear.
    format!("{weekday} {month} {day} {year}")
}

/// TimeZoneString ( tv ) (21.4.4.41.3), for the UTC host time zone.
fn time_zone_string(tv: f64) -> String {
    // 1. Let systemTimeZoneIdentifier be SystemTimeZoneIdentifier().
    // 2-3. Let offsetNs be ... (0 for "UTC").
    // 4. Let offset be 𝔽(truncate(offsetNs / 10^6)).
    let offset = local_time(tv) - tv;
    // 5. If offset is +0𝔽 or offset > +0𝔽, then a. Let offsetSign be "+". b. Let absOffset
    //    be offset.
    // 6. Else, a. Let offsetSign be "-". b. Let absOffset be -offset.
    let (offset_sign, abs_offset) = if offset >= 0.0 {
        ("+", offset)
    } else {
        ("-", -offset)
    };
    // 7. Let offsetMin be ToZeroPaddedDecimalString(ℝ(MinFromTime(absOffset)), 2).
    let offset_min = padded(min_from_time(abs_offset), 2);
    // 8. Let offsetHour be ToZeroPaddedDecimalString(ℝ(HourFromTime(absOffset)), 2).
    let offset_hour = padded(hour_from_time(abs_offset), 2);
    // 9. Let tzName be an implementation-defined string that is either the empty String or
    //    the string-concatenation of the code unit 0x0020 (SPACE), the code unit 0x0028
    //    (LEFT PARENTHESIS), an implementation-defined timezone name, and the code unit
    //    0x0029 (RIGHT PARENTHESIS).
    let tz_name = " (Coordinated Universal Time)";
    // 10. Return the string-concatenation of offsetSign, offsetHour, offsetMin, and tzName.
    format!("{offset_sign}{offset_hour}{offset_min}{tz_name}")
}

/// ToDateString ( tv ) (21.4.4.41.4).
fn to_date_string(tv: f64) -> String {
    // 1. If tv is NaN, return "Invalid Date".
    if tv.is_nan() {
        return "Invalid Date".to_string();
    }
    // 2. Let t be LocalTime(tv).
    let t = local_time(tv);
    // 3. Return the string-concatenation of DateString(t), the code unit 0x0020 (SPACE),
    //    TimeString(t), and TimeZoneString(tv).
    format!(
        "{} {}{}",
        date_string(t),
        time_string(t),
        time_zone_string(tv)
    )
}

/// The string of Date.prototype.toUTCString (21.4.4.43) for a time value.
fn utc_string(tv: f64) -> String {
    // 3. If tv is NaN, return "Invalid Date".
    if tv.is_nan() {
        return "Invalid Date".to_string();
    }
    // 4. Let weekday be the Name of the entry in Table 63 with the Number WeekDay(tv).
    let weekday = DAY_NAMES[week_day(tv) as usize % 7];
    // 5. Let month be the Name of the entry in Table 64 with the Number MonthFromTime(tv).
    let month = MONTH_NAMES[month_from_time(tv) as usize % 12];
    // 6. Let day be ToZeroPaddedDecimalString(ℝ(DateFromTime(tv)), 2).
    let day = padded(date_from_time(tv), 2);
    // 7. Let yv be YearFromTime(tv).
    // 8. If yv is +0𝔽 or yv > +0𝔽, let yearSign be the empty String; otherwise, let
    //    yearSign be "-".
    // 9. Let paddedYear be ToZeroPaddedDecimalString(abs(ℝ(yv)), 4).
    let year = year_string(year_from_time(tv));
    // 10. Return the string-concatenation of weekday, ",", the code unit 0x0020 (SPACE),
    //     day, the code unit 0x0020 (SPACE), month, the code unit 0x0020 (SPACE), yearSign,
    //     paddedYear, the code unit 0x0020 (SPACE), and TimeString(tv).
    format!("{weekday}, {day} {month} {year} {}", time_string(tv))
}

/// The Date Time String Format (21.4.1.32) of a finite time value, as toISOString
/// produces it: "YYYY-MM-DDTHH:mm:ss.sssZ", with an expanded year (21.4.1.32.1) when the
/// year is not in 0-9999.
fn iso_string(tv: f64) -> String {
    let year = year_from_time(tv);
    let year = if (0.0..=9999.0).contains(&year) {
        padded(year, 4)
    } else {
        let sign = if year < 0.0 { "-" } else { "+" };
        format!("{sign}{}", padded(year.abs(), 6))
    };
    format!(
        "{year}-{}-{}T{}:{}:{}.{}Z",
        padded(month_from_time(tv) + 1.0, 2),
        padded(date_from_time(tv), 2),
        padded(hour_from_time(tv), 2),
        padded(min_from_time(tv), 2),
        padded(sec_from_time(tv), 2),
        padded(ms_from_time(tv), 3)
    )
}

// ---------------------------------------------------------------------------------------
// 21.4.3.2 Date.parse: the accepted string formats
// ---------------------------------------------------------------------------------------

/// A cursor over the characters of a date string.
struct Scanner<'a> {
    chars: &'a [char],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn at_end(&self) -> bool {
        self.pos >= self.chars.len()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Exactly `n` decimal digits.
    fn digits(&mut self, n: usize) -> Option<f64> {
        let mut value = 0.0;
        for _ in 0..n {
            let d = self.peek()?.to_digit(10)?;
            value = value * 10.0 + f64::from(d);
            self.pos += 1;
        }
        Some(value)
    }

    /// One or more decimal digits (at most `max`), with how many there were.
    fn some_digits(&mut self, max: usize) -> Option<(f64, usize)> {
        let mut value = 0.0;
        let mut count = 0;
        while count < max {
            let Some(d) = self.peek().and_then(|c| c.to_digit(10)) else {
                break;
            };
            value = value * 10.0 + f64::from(d);
            self.pos += 1;
            count += 1;
        }
        (count > 0).then_some((value, count))
    }

    /// A three-letter name from `names` (case-sensitive), as its index.
    fn name(&mut self, names: &[&str]) -> Option<usize> {
        let word: String = self.chars.get(self.pos..self.pos + 3)?.iter().collect();
        let index = names.iter().position(|n| *n == word)?;
        self.pos += 3;
        Some(index)
    }
}

/// The number of days in month `m` (0-11) of year `y`.
fn days_in_month(y: f64, m: usize) -> f64 {
    let leap = days_in_year(y) == 366.0;
    month_start(m + 1, leap) - month_start(m, leap)
}

/// Parses the Date Time String Format (21.4.1.32), including expanded years
/// (21.4.1.32.1): date-only forms are UTC, date-time forms without an offset are local
/// time. `None` when the string is not a valid instance of the format (syntax errors and
/// out-of-bounds values alike).
fn parse_iso(chars: &[char]) -> Option<f64> {
    let mut s = Scanner { chars, pos: 0 };
    // YYYY or ±YYYYYY ("-000000" is not a valid expanded year).
    let year = match s.peek()? {
        '+' | '-' => {
            let negative = s.peek() == Some('-');
            s.pos += 1;
            let y = s.digits(6)?;
            if negative && y == 0.0 {
                return None;
            }
            if negative {
                -y
            } else {
                y
            }
        }
        _ => s.digits(4)?,
    };
    let mut month = 1.0;
    let mut day_of_month = 1.0;
    if s.eat('-') {
        month = s.digits(2)?;
        if !(1.0..=12.0).contains(&month) {
            return None;
        }
        if s.eat('-') {
            day_of_month = s.digits(2)?;
            if day_of_month < 1.0 || day_of_month > days_in_month(year, month as usize - 1) {
                return None;
            }
        }
    }
    let (mut hour, mut minute, mut second, mut ms) = (0.0, 0.0, 0.0, 0.0);
    let mut offset = None;
    let has_time = s.eat('T');
    if has_time {
        hour = s.digits(2)?;
        if !s.eat(':') {
            return None;
        }
        minute = s.digits(2)?;
        if s.eat(':') {
            second = s.digits(2)?;
            if s.eat('.') {
                let (frac, count) = s.some_digits(9)?;
                ms = (frac / 10f64.powi(count as i32 - 3)).floor();
                // Digits beyond nine are ignored.
                while s.peek().is_some_and(|c| c.is_ascii_digit()) {
                    s.pos += 1;
                }
            }
        }
        if hour > 24.0 || minute > 59.0 || second > 59.0 {
            return None;
        }
        // "24:00:00" is allowed as the end of a day only.
        if hour == 24.0 && (minute != 0.0 || second != 0.0 || ms != 0.0) {
            return None;
        }
        // Z or ±HH:mm.
        if s.eat('Z') {
            offset = Some(0.0);
        } else if let Some(sign @ ('+' | '-')) = s.peek() {
            s.pos += 1;
            let oh = s.digits(2)?;
            if !s.eat(':') {
                return None;
            }
            let om = s.digits(2)?;
            if oh > 23.0 || om > 59.0 {
                return None;
            }
            let minutes = oh * 60.0 + om;
            offset = Some(if sign == '-' { -minutes } else { minutes });
        }
    }
    if !s.at_end() {
        return None;
    }
    let date = make_date(
        make_day(year, month - 1.0, day_of_month),
        make_time(hour, minute, second, ms),
    );
    // "When the UTC offset representation is absent, date-only forms are interpreted as a
    // UTC time and date-time forms are interpreted as a local time."
    let tv = match offset {
        Some(minutes) => date - minutes * MS_PER_MINUTE,
        None if has_time => utc(date),
        None => date,
    };
    Some(tv)
}

/// Parses the strings Date.prototype.toString and toUTCString produce (and toDateString's
/// and their forms without a time zone name or time): "Www Mmm DD YYYY HH:mm:ss
/// GMT±hhmm (name)" and "Www, DD Mmm YYYY HH:mm:ss GMT".
fn parse_date_string(chars: &[char]) -> Option<f64> {
    let mut s = Scanner { chars, pos: 0 };
    s.name(&DAY_NAMES)?;
    let utc_form = s.eat(',');
    if !s.eat(' ') {
        return None;
    }
    let (month, day_of_month) = if utc_form {
        let d = s.digits(2)?;
        if !s.eat(' ') {
            return None;
        }
        (s.name(&MONTH_NAMES)?, d)
    } else {
        let m = s.name(&MONTH_NAMES)?;
        if !s.eat(' ') {
            return None;
        }
        (m, s.digits(2)?)
    };
    if !s.eat(' ') {
        return None;
    }
    let negative = s.eat('-');
    let (year, count) = s.some_digits(9)?;
    if count < 4 {
        return None;
    }
    let year = if negative { -year } else { year };
    if day_of_month < 1.0 || day_of_month > days_in_month(year, month) {
        return None;
    }
    let (mut hour, mut minute, mut second) = (0.0, 0.0, 0.0);
    let mut offset = 0.0;
    if s.eat(' ') {
        hour = s.digits(2)?;
        if !s.eat(':') {
            return None;
        }
        minute = s.digits(2)?;
        if !s.eat(':') {
            return None;
        }
        second = s.digits(2)?;
        if hour > 23.0 || minute > 59.0 || second > 59.0 {
            return None;
        }
        if s.eat(' ') {
            for c in "GMT".chars() {
                if !s.eat(c) {
                    return None;
                }
            }
            if let Some(sign @ ('+' | '-')) = s.peek() {
                s.pos += 1;
                let oh = s.digits(2)?;
                let om = s.digits(2)?;
                if oh > 23.0 || om > 59.0 {
                    return None;
                }
                let minutes = oh * 60.0 + om;
                offset = if sign == '-' { -minutes } else { minutes };
            }
            // An optional " (time zone name)".
            if s.eat(' ') {
                if !s.eat('(') || s.chars.last() != Some(&')') {
                    return None;
                }
                s.pos = s.chars.len();
            }
        }
    }
    if !s.at_end() {
        return None;
    }
    let date = make_date(
        make_day(year, month as f64, day_of_month),
        make_time(hour, minute, second, 0.0),
    );
    Some(date - offset * MS_PER_MINUTE)
}

/// The string-to-time-value step of Date.parse (21.4.3.2): the Date Time String Format
/// first, then the formats toString and toUTCString produce; NaN for anything else.
fn parse_date(string: &str) -> f64 {
    let chars: Vec<char> = string.chars().collect();
    let tv = parse_iso(&chars)
        .or_else(|| parse_date_string(&chars))
        .unwrap_or(f64::NAN);
    time_clip(tv)
}

// ---------------------------------------------------------------------------------------
// 21.4.2 The Date Constructor
// ---------------------------------------------------------------------------------------

/// Date ( ...values ) (21.4.2.1).
fn date_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
fn date_now(_agent: &mut Agent, _call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return the time value (UTC) identifying the current time.
    Ok(Value::Number(current_time_value()))
}

/// Date.parse ( string ) (21.4.3.2).
fn date_parse(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
fn date_utc(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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

// ---------------------------------------------------------------------------------------
// 21.4.4 Properties of the Date Prototype Object: getters
// ---------------------------------------------------------------------------------------

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
fn get_date(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return DateFromTime(LocalTime(t)).
    getter(agent, call, "getDate", true, date_from_time)
}

/// Date.prototype.getDay ( ) (21.4.4.3).
fn get_day(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return WeekDay(LocalTime(t)).
    getter(agent, call, "getDay", true, week_day)
}

/// Date.prototype.getFullYear ( ) (21.4.4.4).
fn get_full_year(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return YearFromTime(LocalTime(t)).
    getter(agent, call, "getFullYear", true, year_from_time)
}

/// Date.prototype.getHours ( ) (21.4.4.5).
fn get_hours(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return HourFromTime(LocalTime(t)).
    getter(agent, call, "getHours", true, hour_from_time)
}

/// Date.prototype.getMilliseconds ( ) (21.4.4.6).
fn get_milliseconds(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return msFromTime(LocalTime(t)).
    getter(agent, call, "getMilliseconds", true, ms_from_time)
}

/// Date.prototype.getMinutes ( ) (21.4.4.7).
fn get_minutes(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return MinFromTime(LocalTime(t)).
    getter(agent, call, "getMinutes", true, min_from_time)
}

/// Date.prototype.getMonth ( ) (21.4.4.8).
fn get_month(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return MonthFromTime(LocalTime(t)).
    getter(agent, call, "getMonth", true, month_from_time)
}

/// Date.prototype.getSeconds ( ) (21.4.4.9).
fn get_seconds(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return SecFromTime(LocalTime(t)).
    getter(agent, call, "getSeconds", true, sec_from_time)
}

/// Date.prototype.getTime ( ) (21.4.4.10).
fn get_time(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    // 3. Return dateObject.[[DateValue]].
    let (_, t) = date_object_and_time_value(agent, call.this, "getTime")?;
    Ok(Value::Number(t))
}

/// Date.prototype.getTimezoneOffset ( ) (21.4.4.11).
fn get_timezone_offset(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return (t - LocalTime(t)) / msPerMinute.
    getter(agent, call, "getTimezoneOffset", false, |t| {
        (t - local_time(t)) / MS_PER_MINUTE
    })
}

/// Date.prototype.getUTCDate ( ) (21.4.4.12).
fn get_utc_date(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return DateFromTime(t).
    getter(agent, call, "getUTCDate", false, date_from_time)
}

/// Date.prototype.getUTCDay ( ) (21.4.4.13).
fn get_utc_day(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return WeekDay(t).
    getter(agent, call, "getUTCDay", false, week_day)
}

/// Date.prototype.getUTCFullYear ( ) (21.4.4.14).
fn get_utc_full_year(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return YearFromTime(t).
    getter(agent, call, "getUTCFullYear", false, year_from_time)
}

/// Date.prototype.getUTCHours ( ) (21.4.4.15).
fn get_utc_hours(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return HourFromTime(t).
    getter(agent, call, "getUTCHours", false, hour_from_time)
}

/// Date.prototype.getUTCMilliseconds ( ) (21.4.4.16).
fn get_utc_milliseconds(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return msFromTime(t).
    getter(agent, call, "getUTCMilliseconds", false, ms_from_time)
}

/// Date.prototype.getUTCMinutes ( ) (21.4.4.17).
fn get_utc_minutes(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return MinFromTime(t).
    getter(agent, call, "getUTCMinutes", false, min_from_time)
}

/// Date.prototype.getUTCMonth ( ) (21.4.4.18).
fn get_utc_month(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return MonthFromTime(t).
    getter(agent, call, "getUTCMonth", false, month_from_time)
}

/// Date.prototype.getUTCSeconds ( ) (21.4.4.19).
fn get_utc_seconds(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return SecFromTime(t).
    getter(agent, call, "getUTCSeconds", false, sec_from_time)
}

/// Date.prototype.getYear ( ) (B.2.3.1).
fn get_year(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    // 3. Let t be dateObject.[[DateValue]].
    // 4. If t is NaN, return NaN.
    // 5. Return YearFromTime(LocalTime(t)) - 1900𝔽.
    getter(agent, call, "getYear", true, |t| year_from_time(t) - 1900.0)
}

// ---------------------------------------------------------------------------------------
// 21.4.4 Properties of the Date Prototype Object: setters
// ---------------------------------------------------------------------------------------

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
fn set_date(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_date_common(agent, call, true)
}

/// Date.prototype.setUTCDate ( date ) (21.4.4.28).
fn set_utc_date(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
fn set_full_year(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_full_year_common(agent, call, true)
}

/// Date.prototype.setUTCFullYear ( year [ , month [ , date ] ] ) (21.4.4.29).
fn set_utc_full_year(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
fn set_hours(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_time_common(agent, call, TimeSetter::Hours, true, "setHours")
}

/// Date.prototype.setMilliseconds ( ms ) (21.4.4.23).
fn set_milliseconds(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_time_common(
        agent,
        call,
        TimeSetter::Milliseconds,
        true,
        "setMilliseconds",
    )
}

/// Date.prototype.setMinutes ( min [ , sec [ , ms ] ] ) (21.4.4.24).
fn set_minutes(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_time_common(agent, call, TimeSetter::Minutes, true, "setMinutes")
}

/// Date.prototype.setSeconds ( sec [ , ms ] ) (21.4.4.26).
fn set_seconds(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_time_common(agent, call, TimeSetter::Seconds, true, "setSeconds")
}

/// Date.prototype.setUTCHours ( hour [ , min [ , sec [ , ms ] ] ] ) (21.4.4.30).
fn set_utc_hours(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_time_common(agent, call, TimeSetter::Hours, false, "setUTCHours")
}

/// Date.prototype.setUTCMilliseconds ( ms ) (21.4.4.31).
fn set_utc_milliseconds(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_time_common(
        agent,
        call,
        TimeSetter::Milliseconds,
        false,
        "setUTCMilliseconds",
    )
}

/// Date.prototype.setUTCMinutes ( min [ , sec [ , ms ] ] ) (21.4.4.32).
fn set_utc_minutes(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_time_common(agent, call, TimeSetter::Minutes, false, "setUTCMinutes")
}

/// Date.prototype.setUTCSeconds ( sec [ , ms ] ) (21.4.4.34).
fn set_utc_seconds(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
fn set_month(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_month_common(agent, call, true)
}

/// Date.prototype.setUTCMonth ( month [ , date ] ) (21.4.4.33).
fn set_utc_month(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    set_month_common(agent, call, false)
}

/// Date.prototype.setTime ( time ) (21.4.4.27).
fn set_time(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
fn set_year(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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

// ---------------------------------------------------------------------------------------
// 21.4.4 Properties of the Date Prototype Object: conversions
// ---------------------------------------------------------------------------------------

/// Date.prototype.toDateString ( ) (21.4.4.35).
fn to_date_string_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
fn to_iso_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
fn to_json(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
fn to_locale_date_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    to_date_string_method(agent, call)
}

/// Date.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] ) (21.4.4.39): the form
/// of toString.
fn to_locale_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    to_string_method(agent, call)
}

/// Date.prototype.toLocaleTimeString ( [ reserved1 [ , reserved2 ] ] ) (21.4.4.40): the
/// form of toTimeString.
fn to_locale_time_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    to_time_string(agent, call)
}

/// Date.prototype.toString ( ) (21.4.4.41).
fn to_string_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    // 3. Let tv be dateObject.[[DateValue]].
    let (_, tv) = date_object_and_time_value(agent, call.this, "toString")?;
    // 4. Return ToDateString(tv).
    Ok(Value::string(&to_date_string(tv)))
}

/// Date.prototype.toTimeString ( ) (21.4.4.42).
fn to_time_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
fn to_utc_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    // 3. Let tv be dateObject.[[DateValue]].
    let (_, tv) = date_object_and_time_value(agent, call.this, "toUTCString")?;
    // 4-10. (see utc_string)
    Ok(Value::string(&utc_string(tv)))
}

/// Date.prototype.valueOf ( ) (21.4.4.44).
fn value_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    // 3. Return dateObject.[[DateValue]].
    let (_, tv) = date_object_and_time_value(agent, call.this, "valueOf")?;
    Ok(Value::Number(tv))
}

/// Date.prototype [ %Symbol.toPrimitive% ] ( hint ) (21.4.4.45).
fn to_primitive_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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

// ---------------------------------------------------------------------------------------
// Realm set-up
// ---------------------------------------------------------------------------------------

/// Creates %Date% (21.4.2, 21.4.3) and %Date.prototype% (21.4.4): "The Date prototype
/// object ... is itself an ordinary object ... is not a Date instance and does not have a
/// [[DateValue]] internal slot ... has a [[Prototype]] internal slot whose value is
/// %Object.prototype%."
pub fn create_date_intrinsics(agent: &mut Agent, realm: &Realm) {
    let prototype = ordinary_object_create(Some(realm.intrinsic(Intrinsic::ObjectPrototype)));
    realm.set_intrinsic(Intrinsic::DatePrototype, prototype.clone());
    // 21.4.3: "has a "length" property whose value is 7𝔽."
    let date = define_constructor(
        agent,
        realm,
        Intrinsic::Date,
        "Date",
        7,
        date_constructor,
        &prototype,
        None,
    );
    define_method(agent, &date, "now", 0, date_now);
    define_method(agent, &date, "parse", 1, date_parse);
    define_method(agent, &date, "UTC", 7, date_utc);

    let methods: [(&str, u32, crate::spec::builtin_function_objects::Behaviour); 43] = [
        ("getDate", 0, get_date),
        ("getDay", 0, get_day),
        ("getFullYear", 0, get_full_year),
        ("getHours", 0, get_hours),
        ("getMilliseconds", 0, get_milliseconds),
        ("getMinutes", 0, get_minutes),
        ("getMonth", 0, get_month),
        ("getSeconds", 0, get_seconds),
        ("getTime", 0, get_time),
        ("getTimezoneOffset", 0, get_timezone_offset),
        ("getUTCDate", 0, get_utc_date),
        ("getUTCDay", 0, get_utc_day),
        ("getUTCFullYear", 0, get_utc_full_year),
        ("getUTCHours", 0, get_utc_hours),
        ("getUTCMilliseconds", 0, get_utc_milliseconds),
        ("getUTCMinutes", 0, get_utc_minutes),
        ("getUTCMonth", 0, get_utc_month),
        ("getUTCSeconds", 0, get_utc_seconds),
        ("getYear", 0, get_year),
        ("setDate", 1, set_date),
        ("setFullYear", 3, set_full_year),
        ("setHours", 4, set_hours),
        ("setMilliseconds", 1, set_milliseconds),
        ("setMinutes", 3, set_minutes),
        ("setMonth", 2, set_month),
        ("setSeconds", 2, set_seconds),
        ("setTime", 1, set_time),
        ("setUTCDate", 1, set_utc_date),
        ("setUTCFullYear", 3, set_utc_full_year),
        ("setUTCHours", 4, set_utc_hours),
        ("setUTCMilliseconds", 1, set_utc_milliseconds),
        ("setUTCMinutes", 3, set_utc_minutes),
        ("setUTCMonth", 2, set_utc_month),
        ("setUTCSeconds", 2, set_utc_seconds),
        ("setYear", 1, set_year),
        ("toDateString", 0, to_date_string_method),
        ("toISOString", 0, to_iso_string),
        ("toJSON", 1, to_json),
        ("toLocaleDateString", 0, to_locale_date_string),
        ("toLocaleString", 0, to_locale_string),
        ("toLocaleTimeString", 0, to_locale_time_string),
        ("toString", 0, to_string_method),
        ("toTimeString", 0, to_time_string),
    ];
    for (name, length, behaviour) in methods {
        define_method(agent, &prototype, name, length, behaviour);
    }
    define_method(agent, &prototype, "valueOf", 0, value_of);
    // 21.4.4.43 toUTCString; B.2.3.3: "The initial value of the "toGMTString" property is
    // %Date.prototype.toUTCString%".
    let to_utc = define_method(agent, &prototype, "toUTCString", 0, to_utc_string);
    define_value(
        &prototype,
        "toGMTString",
        Value::Object(to_utc),
        true,
        false,
        true,
    );
    // 21.4.4.45: "The value of the "name" property of this method is
    // "[Symbol.toPrimitive]". This property has the attributes { [[Writable]]: false,
    // [[Enumerable]]: false, [[Configurable]]: true }."
    let to_primitive_key = PropertyKey::Symbol(agent.well_known.to_primitive.clone());
    let f = define_method(
        agent,
        &prototype,
        to_primitive_key.clone(),
        1,
        to_primitive_method,
    );
    define_value(
        &prototype,
        to_primitive_key,
        Value::Object(f),
        false,
        false,
        true,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_value_operations() {
        let t = make_date(make_day(2024.0, 1.0, 29.0), make_time(13.0, 5.0, 7.0, 9.0));
        assert_eq!(year_from_time(t), 2024.0);
        assert_eq!(month_from_time(t), 1.0);
        assert_eq!(date_from_time(t), 29.0);
        assert_eq!(hour_from_time(t), 13.0);
        assert_eq!(ms_from_time(t), 9.0);
        assert_eq!(iso_string(t), "2024-02-29T13:05:07.009Z");
        assert_eq!(year_from_time(-1.0), 1969.0);
        assert_eq!(iso_string(-MAX_TIME), "-271821-04-20T00:00:00.000Z");
        assert_eq!(iso_string(MAX_TIME), "+275760-09-13T00:00:00.000Z");
        assert!(make_day(1e300, 0.0, 1.0).is_nan());
        assert_eq!(
            to_date_string(0.0),
            "Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)"
        );
        assert_eq!(utc_string(0.0), "Thu, 01 Jan 1970 00:00:00 GMT");
        for tv in [0.0, -1000.0, 8.64e15, -8.64e15, 1.7e12] {
            assert_eq!(parse_date(&iso_string(tv)), tv);
            let whole = tv - modulo(tv, 1000.0);
            assert_eq!(parse_date(&to_date_string(tv)), whole);
            assert_eq!(parse_date(&utc_string(tv)), whole);
        }
        assert!(parse_date("-000000-01-01T00:00:00Z").is_nan());
        assert!(parse_date("2019-02-30").is_nan());
        assert_eq!(parse_date("1970-01-01T00:00:00+01:00"), -3_600_000.0);
    }
}
