//! 21.4.1 Abstract Operations for Date Objects: the time value operations (Day,
//! YearFromTime, MonthFromTime, MakeTime, MakeDay, MakeDate, TimeClip, LocalTime, UTC, ...),
//! the current time, and reading and writing a Date's [[DateValue]].

use crate::spec::agents::Agent;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::{InternalSlot, ObjectKind};
use crate::spec::object_type::Object;
use crate::spec::ordinary_object_internal_methods::require_internal_slot;
use crate::spec::type_conversion::integer_or_infinity;
use crate::spec::value::Value;

/// msPerDay (21.4.1.2).
const MS_PER_DAY: f64 = 86_400_000.0;
/// msPerHour, msPerMinute, msPerSecond (21.4.1.14).
const MS_PER_HOUR: f64 = 3_600_000.0;
pub(super) const MS_PER_MINUTE: f64 = 60_000.0;
const MS_PER_SECOND: f64 = 1000.0;
/// The largest absolute time value (21.4.1.1: "exactly –100,000,000 days to 100,000,000
/// days relative to midnight at the beginning of 1 January 1970 UTC").
pub(super) const MAX_TIME: f64 = 8.64e15;

/// x modulo y (5.2.5 Mathematical Operations): the result has the sign of y.
pub(super) fn modulo(x: f64, y: f64) -> f64 {
    let r = x % y;
    if r != 0.0 && (r < 0.0) != (y < 0.0) {
        r + y
    } else {
        // +0 rather than -0: "modulo" yields a mathematical value.
        r + 0.0
    }
}

/// Day ( t ) (21.4.1.3).
pub(super) fn day(t: f64) -> f64 {
    // 1. Return 𝔽(floor(ℝ(t / msPerDay))).
    crate::step!("sec-day", "1");
    (t / MS_PER_DAY).floor()
}

/// TimeWithinDay ( t ) (21.4.1.4).
pub(super) fn time_within_day(t: f64) -> f64 {
    // 1. Return 𝔽(ℝ(t) modulo ℝ(msPerDay)).
    crate::step!("sec-timewithinday", "1");
    modulo(t, MS_PER_DAY)
}

/// DaysInYear ( y ) (21.4.1.5).
pub(super) fn days_in_year(y: f64) -> f64 {
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
    crate::step!("sec-dayfromyear", "1");
    // 2. NOTE: In the following steps, numYears1, numYears4, numYears100, and numYears400
    //    represent the number of years divisible by 1, 4, 100, and 400, respectively, that
    //    occur between the epoch and the start of year y. ...
    crate::step!("sec-dayfromyear", "2");
    // 3. Let numYears1 be (ry - 1970).
    crate::step!("sec-dayfromyear", "3");
    // 4. Let numYears4 be floor((ry - 1969) / 4).
    crate::step!("sec-dayfromyear", "4");
    // 5. Let numYears100 be floor((ry - 1901) / 100).
    crate::step!("sec-dayfromyear", "5");
    // 6. Let numYears400 be floor((ry - 1601) / 400).
    crate::step!("sec-dayfromyear", "6");
    // 7. Return 𝔽(365 × numYears1 + numYears4 - numYears100 + numYears400).
    crate::step!("sec-dayfromyear", "7");
    365.0 * (y - 1970.0) + ((y - 1969.0) / 4.0).floor() - ((y - 1901.0) / 100.0).floor()
        + ((y - 1601.0) / 400.0).floor()
}

/// TimeFromYear ( y ) (21.4.1.7).
fn time_from_year(y: f64) -> f64 {
    // 1. Return msPerDay × DayFromYear(y).
    crate::step!("sec-timefromyear", "1");
    MS_PER_DAY * day_from_year(y)
}

/// YearFromTime ( t ) (21.4.1.8). NaN for a non-finite t.
pub(super) fn year_from_time(t: f64) -> f64 {
    if !t.is_finite() {
        return f64::NAN;
    }
    // 1. Return the largest integral Number y (closest to +∞) such that TimeFromYear(y) ≤
    //    t.
    crate::step!("sec-yearfromtime", "1");
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
    crate::step!("sec-daywithinyear", "1");
    day(t) - day_from_year(year_from_time(t))
}

/// InLeapYear ( t ) (21.4.1.10).
fn in_leap_year(t: f64) -> bool {
    // 1. If DaysInYear(YearFromTime(t)) is 366𝔽, return 1𝔽; else return +0𝔽.
    crate::step!("sec-inleapyear", "1");
    days_in_year(year_from_time(t)) == 366.0
}

/// The day within the year on which each month starts (the sums in MonthFromTime and
/// DateFromTime), for a common year; a leap year adds one from March on.
const MONTH_STARTS: [f64; 13] = [
    0.0, 31.0, 59.0, 90.0, 120.0, 151.0, 181.0, 212.0, 243.0, 273.0, 304.0, 334.0, 365.0,
];

/// The first day within the year of month `m` (0-11, or 12 for the year's end).
pub(super) fn month_start(m: usize, leap: bool) -> f64 {
    MONTH_STARTS[m] + if leap && m >= 2 { 1.0 } else { 0.0 }
}

/// MonthFromTime ( t ) (21.4.1.11). (A non-finite t, which the callers pass on instead of
/// testing first, gives NaN.)
pub(super) fn month_from_time(t: f64) -> f64 {
    if !t.is_finite() {
        return f64::NAN;
    }
    // 1. Let inLeapYear be InLeapYear(t).
    crate::step!("sec-monthfromtime", "1");
    let in_leap_year = if in_leap_year(t) { 1.0 } else { 0.0 };
    // 2. Let dayWithinYear be DayWithinYear(t).
    crate::step!("sec-monthfromtime", "2");
    let day_within_year = day_within_year(t);
    // 3. If dayWithinYear < 31𝔽, return +0𝔽.
    crate::step!("sec-monthfromtime", "3");
    if day_within_year < 31.0 {
        return 0.0;
    }
    // 4. If dayWithinYear < 59𝔽 + inLeapYear, return 1𝔽.
    crate::step!("sec-monthfromtime", "4");
    if day_within_year < 59.0 + in_leap_year {
        return 1.0;
    }
    // 5. If dayWithinYear < 90𝔽 + inLeapYear, return 2𝔽.
    crate::step!("sec-monthfromtime", "5");
    if day_within_year < 90.0 + in_leap_year {
        return 2.0;
    }
    // 6. If dayWithinYear < 120𝔽 + inLeapYear, return 3𝔽.
    crate::step!("sec-monthfromtime", "6");
    if day_within_year < 120.0 + in_leap_year {
        return 3.0;
    }
    // 7. If dayWithinYear < 151𝔽 + inLeapYear, return 4𝔽.
    crate::step!("sec-monthfromtime", "7");
    if day_within_year < 151.0 + in_leap_year {
        return 4.0;
    }
    // 8. If dayWithinYear < 181𝔽 + inLeapYear, return 5𝔽.
    crate::step!("sec-monthfromtime", "8");
    if day_within_year < 181.0 + in_leap_year {
        return 5.0;
    }
    // 9. If dayWithinYear < 212𝔽 + inLeapYear, return 6𝔽.
    crate::step!("sec-monthfromtime", "9");
    if day_within_year < 212.0 + in_leap_year {
        return 6.0;
    }
    // 10. If dayWithinYear < 243𝔽 + inLeapYear, return 7𝔽.
    crate::step!("sec-monthfromtime", "10");
    if day_within_year < 243.0 + in_leap_year {
        return 7.0;
    }
    // 11. If dayWithinYear < 273𝔽 + inLeapYear, return 8𝔽.
    crate::step!("sec-monthfromtime", "11");
    if day_within_year < 273.0 + in_leap_year {
        return 8.0;
    }
    // 12. If dayWithinYear < 304𝔽 + inLeapYear, return 9𝔽.
    crate::step!("sec-monthfromtime", "12");
    if day_within_year < 304.0 + in_leap_year {
        return 9.0;
    }
    // 13. If dayWithinYear < 334𝔽 + inLeapYear, return 10𝔽.
    crate::step!("sec-monthfromtime", "13");
    if day_within_year < 334.0 + in_leap_year {
        return 10.0;
    }
    // 14. Assert: dayWithinYear < 365𝔽 + inLeapYear.
    crate::spec_assert!(
        "sec-monthfromtime",
        "14",
        day_within_year < 365.0 + in_leap_year
    );
    // 15. Return 11𝔽.
    crate::step!("sec-monthfromtime", "15");
    11.0
}

/// DateFromTime ( t ) (21.4.1.12). (A non-finite t gives NaN.)
pub(super) fn date_from_time(t: f64) -> f64 {
    if !t.is_finite() {
        return f64::NAN;
    }
    // 1. Let inLeapYear be InLeapYear(t).
    crate::step!("sec-datefromtime", "1");
    let in_leap_year = if in_leap_year(t) { 1.0 } else { 0.0 };
    // 2. Let dayWithinYear be DayWithinYear(t).
    crate::step!("sec-datefromtime", "2");
    let day_within_year = day_within_year(t);
    // 3. Let month be MonthFromTime(t).
    crate::step!("sec-datefromtime", "3");
    let month = month_from_time(t);
    // 4. If month is +0𝔽, return dayWithinYear + 1𝔽.
    crate::step!("sec-datefromtime", "4");
    if month == 0.0 {
        return day_within_year + 1.0;
    }
    // 5. If month is 1𝔽, return dayWithinYear - 30𝔽.
    crate::step!("sec-datefromtime", "5");
    if month == 1.0 {
        return day_within_year - 30.0;
    }
    // 6. If month is 2𝔽, return dayWithinYear - 58𝔽 - inLeapYear.
    crate::step!("sec-datefromtime", "6");
    if month == 2.0 {
        return day_within_year - 58.0 - in_leap_year;
    }
    // 7. If month is 3𝔽, return dayWithinYear - 89𝔽 - inLeapYear.
    crate::step!("sec-datefromtime", "7");
    if month == 3.0 {
        return day_within_year - 89.0 - in_leap_year;
    }
    // 8. If month is 4𝔽, return dayWithinYear - 119𝔽 - inLeapYear.
    crate::step!("sec-datefromtime", "8");
    if month == 4.0 {
        return day_within_year - 119.0 - in_leap_year;
    }
    // 9. If month is 5𝔽, return dayWithinYear - 150𝔽 - inLeapYear.
    crate::step!("sec-datefromtime", "9");
    if month == 5.0 {
        return day_within_year - 150.0 - in_leap_year;
    }
    // 10. If month is 6𝔽, return dayWithinYear - 180𝔽 - inLeapYear.
    crate::step!("sec-datefromtime", "10");
    if month == 6.0 {
        return day_within_year - 180.0 - in_leap_year;
    }
    // 11. If month is 7𝔽, return dayWithinYear - 211𝔽 - inLeapYear.
    crate::step!("sec-datefromtime", "11");
    if month == 7.0 {
        return day_within_year - 211.0 - in_leap_year;
    }
    // 12. If month is 8𝔽, return dayWithinYear - 242𝔽 - inLeapYear.
    crate::step!("sec-datefromtime", "12");
    if month == 8.0 {
        return day_within_year - 242.0 - in_leap_year;
    }
    // 13. If month is 9𝔽, return dayWithinYear - 272𝔽 - inLeapYear.
    crate::step!("sec-datefromtime", "13");
    if month == 9.0 {
        return day_within_year - 272.0 - in_leap_year;
    }
    // 14. If month is 10𝔽, return dayWithinYear - 303𝔽 - inLeapYear.
    crate::step!("sec-datefromtime", "14");
    if month == 10.0 {
        return day_within_year - 303.0 - in_leap_year;
    }
    // 15. Assert: month is 11𝔽.
    crate::spec_assert!("sec-datefromtime", "15", month == 11.0);
    // 16. Return dayWithinYear - 333𝔽 - inLeapYear.
    crate::step!("sec-datefromtime", "16");
    day_within_year - 333.0 - in_leap_year
}

/// WeekDay ( t ) (21.4.1.13).
pub(super) fn week_day(t: f64) -> f64 {
    // 1. Return 𝔽(ℝ(Day(t) + 4𝔽) modulo 7).
    crate::step!("sec-weekday", "1");
    modulo(day(t) + 4.0, 7.0)
}

/// HourFromTime ( t ) (21.4.1.14).
pub(super) fn hour_from_time(t: f64) -> f64 {
    // 1. Return 𝔽(floor(ℝ(t / msPerHour)) modulo HoursPerDay).
    crate::step!("sec-hourfromtime", "1");
    modulo((t / MS_PER_HOUR).floor(), 24.0)
}

/// MinFromTime ( t ) (21.4.1.15).
pub(super) fn min_from_time(t: f64) -> f64 {
    // 1. Return 𝔽(floor(ℝ(t / msPerMinute)) modulo MinutesPerHour).
    modulo((t / MS_PER_MINUTE).floor(), 60.0)
}

/// SecFromTime ( t ) (21.4.1.16).
pub(super) fn sec_from_time(t: f64) -> f64 {
    // 1. Return 𝔽(floor(ℝ(t / msPerSecond)) modulo SecondsPerMinute).
    modulo((t / MS_PER_SECOND).floor(), 60.0)
}

/// msFromTime ( t ) (21.4.1.17).
pub(super) fn ms_from_time(t: f64) -> f64 {
    // 1. Return 𝔽(ℝ(t) modulo ℝ(msPerSecond)).
    modulo(t, MS_PER_SECOND)
}

/// LocalTime ( t ) (21.4.1.25). The host's local time zone is UTC:
/// GetNamedTimeZoneOffsetNanoseconds yields 0, so offsetMs is 0.
pub(super) fn local_time(t: f64) -> f64 {
    // 1. Let systemTimeZoneIdentifier be SystemTimeZoneIdentifier() ("UTC").
    // 2. If IsTimeZoneOffsetString(systemTimeZoneIdentifier) is true, then ...
    // 3. Else, a. Let offsetNs be GetNamedTimeZoneOffsetNanoseconds(
    //    systemTimeZoneIdentifier, ℤ(ℝ(t) × 10^6)) (0 for "UTC").
    // 4. Let offsetMs be truncate(offsetNs / 10^6).
    // 5. Return t + 𝔽(offsetMs).
    t + 0.0
}

/// UTC ( t ) (21.4.1.26), with the host's local time zone UTC (offset 0).
pub(super) fn utc(t: f64) -> f64 {
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
pub(super) fn make_time(hour: f64, min: f64, sec: f64, ms: f64) -> f64 {
    // 1. If hour is not finite, min is not finite, sec is not finite, or ms is not finite,
    //    return NaN.
    crate::step!("sec-maketime", "1");
    if !(hour.is_finite() && min.is_finite() && sec.is_finite() && ms.is_finite()) {
        return f64::NAN;
    }
    // 2. Let h be 𝔽(! ToIntegerOrInfinity(hour)).
    crate::step!("sec-maketime", "2");
    let h = integer_or_infinity(hour);
    // 3. Let m be 𝔽(! ToIntegerOrInfinity(min)).
    crate::step!("sec-maketime", "3");
    let m = integer_or_infinity(min);
    // 4. Let s be 𝔽(! ToIntegerOrInfinity(sec)).
    crate::step!("sec-maketime", "4");
    let s = integer_or_infinity(sec);
    // 5. Let milli be 𝔽(! ToIntegerOrInfinity(ms)).
    crate::step!("sec-maketime", "5");
    let milli = integer_or_infinity(ms);
    // 6. Return ((h × msPerHour + m × msPerMinute) + s × msPerSecond) + milli.
    //    (performing the arithmetic according to IEEE 754-2019 rules, that is, as if using
    //    the ECMAScript operators × and +).
    crate::step!("sec-maketime", "6");
    ((h * MS_PER_HOUR + m * MS_PER_MINUTE) + s * MS_PER_SECOND) + milli
}

/// MakeDay ( year, month, date ) (21.4.1.28).
pub(super) fn make_day(year: f64, month: f64, date: f64) -> f64 {
    // 1. If year is not finite, month is not finite, or date is not finite, return NaN.
    crate::step!("sec-makeday", "1");
    if !(year.is_finite() && month.is_finite() && date.is_finite()) {
        return f64::NAN;
    }
    // 2. Let y be 𝔽(! ToIntegerOrInfinity(year)).
    crate::step!("sec-makeday", "2");
    let y = integer_or_infinity(year);
    // 3. Let m be 𝔽(! ToIntegerOrInfinity(month)).
    crate::step!("sec-makeday", "3");
    let m = integer_or_infinity(month);
    // 4. Let dt be 𝔽(! ToIntegerOrInfinity(date)).
    crate::step!("sec-makeday", "4");
    let dt = integer_or_infinity(date);
    // 5. Let ym be y + 𝔽(floor(ℝ(m) / 12)).
    crate::step!("sec-makeday", "5");
    let ym = y + (m / 12.0).floor();
    // 6. If ym is not finite, return NaN.
    crate::step!("sec-makeday", "6");
    if !ym.is_finite() {
        return f64::NAN;
    }
    // 7. Let mn be 𝔽(ℝ(m) modulo 12).
    crate::step!("sec-makeday", "7");
    let mn = modulo(m, 12.0);
    // 8. Find a finite time value t such that YearFromTime(t) is ym, MonthFromTime(t) is
    //    mn, and DateFromTime(t) is 1𝔽; but if this is not possible (because some argument
    //    is out of range), return NaN.
    crate::step!("sec-makeday", "8");
    // A year this far out cannot give a time value within the range of 21.4.1.1 whatever
    // the date and time are, and its days would no longer be exact.
    if ym.abs() > 1.0e9 {
        return f64::NAN;
    }
    let leap = days_in_year(ym) == 366.0;
    let t = time_from_year(ym) + month_start(mn as usize, leap) * MS_PER_DAY;
    // 9. Return Day(t) + dt - 1𝔽.
    crate::step!("sec-makeday", "9");
    day(t) + dt - 1.0
}

/// MakeDate ( day, time ) (21.4.1.29).
pub(super) fn make_date(day: f64, time: f64) -> f64 {
    // 1. If day is not finite or time is not finite, return NaN.
    crate::step!("sec-makedate", "1");
    if !(day.is_finite() && time.is_finite()) {
        return f64::NAN;
    }
    // 2. Let tv be day × msPerDay + time.
    crate::step!("sec-makedate", "2");
    let tv = day * MS_PER_DAY + time;
    // 3. If tv is not finite, return NaN.
    crate::step!("sec-makedate", "3");
    if !tv.is_finite() {
        return f64::NAN;
    }
    // 4. Return tv.
    crate::step!("sec-makedate", "4");
    tv
}

/// MakeFullYear ( year ) (21.4.1.30).
pub(super) fn make_full_year(year: f64) -> f64 {
    // 1. If year is NaN, return NaN.
    crate::step!("sec-makefullyear", "1");
    if year.is_nan() {
        return f64::NAN;
    }
    // 2. Let truncated be ! ToIntegerOrInfinity(year).
    crate::step!("sec-makefullyear", "2");
    let truncated = integer_or_infinity(year);
    // 3. If truncated is in the inclusive interval from 0 to 99, return 1900𝔽 +
    //    𝔽(truncated).
    crate::step!("sec-makefullyear", "3");
    if (0.0..=99.0).contains(&truncated) {
        return 1900.0 + truncated;
    }
    // 4. Return 𝔽(truncated).
    crate::step!("sec-makefullyear", "4");
    truncated
}

/// TimeClip ( time ) (21.4.1.31).
pub(super) fn time_clip(time: f64) -> f64 {
    // 1. If time is not finite, return NaN.
    crate::step!("sec-timeclip", "1");
    if !time.is_finite() {
        return f64::NAN;
    }
    // 2. If abs(ℝ(time)) > 8.64 × 10^15, return NaN.
    crate::step!("sec-timeclip", "2");
    if time.abs() > MAX_TIME {
        return f64::NAN;
    }
    // 3. Return 𝔽(! ToIntegerOrInfinity(time)).
    crate::step!("sec-timeclip", "3");
    // (A mathematical integer: truncating a negative fraction gives +0, never -0.)
    integer_or_infinity(time) + 0.0
}

/// The current time value: "the time value (UTC) identifying the current time", from the
/// host clock, floored to a whole millisecond.
pub(super) fn current_time_value() -> f64 {
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
pub(super) fn date_object_and_time_value(
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
pub(super) fn set_date_value(date_object: &Object, v: f64) -> Value {
    date_object.data_mut().kind = ObjectKind::Date(v);
    Value::Number(v)
}
