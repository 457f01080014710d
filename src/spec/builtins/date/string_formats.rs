//! 21.4.4.41 Date.prototype.toString's abstract operations (TimeString, DateString,
//! TimeZoneString, ToDateString) and the formats of toUTCString (21.4.4.43) and
//! toISOString (21.4.4.36, the Date Time String Format of 21.4.1.32).

use super::time_values::{
    date_from_time, hour_from_time, local_time, min_from_time, month_from_time, ms_from_time,
    sec_from_time, week_day, year_from_time,
};

/// Table 63: Names of days of the week.
pub(super) const DAY_NAMES: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
/// Table 64: Names of months of the year.
pub(super) const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// ToZeroPaddedDecimalString ( n, minLength ) (22.1.3.17.3), of a non-negative integral
/// Number (what the Date formats pass it).
fn to_zero_padded_decimal_string(n: f64, min_length: usize) -> String {
    // 1. Let S be the String representation of n, formatted as a decimal number.
    crate::step!("sec-tozeropaddeddecimalstring", "1");
    let s = format!("{n:.0}");
    // 2. Return StringPad(S, minLength, "0", start).
    crate::step!("sec-tozeropaddeddecimalstring", "2");
    format!("{s:0>min_length$}")
}

/// The yearSign and paddedYear of DateString and toUTCString: "-" for a negative year,
/// then ToZeroPaddedDecimalString(abs(ℝ(yv)), 4).
fn year_string(yv: f64) -> String {
    let sign = if yv >= 0.0 { "" } else { "-" };
    format!("{sign}{}", to_zero_padded_decimal_string(yv.abs(), 4))
}

/// TimeString ( tv ) (21.4.4.41.1).
pub(super) fn time_string(tv: f64) -> String {
    // 1. Let hour be ToZeroPaddedDecimalString(ℝ(HourFromTime(tv)), 2).
    crate::step!("sec-timestring", "1");
    // 2. Let minute be ToZeroPaddedDecimalString(ℝ(MinFromTime(tv)), 2).
    crate::step!("sec-timestring", "2");
    // 3. Let second be ToZeroPaddedDecimalString(ℝ(SecFromTime(tv)), 2).
    crate::step!("sec-timestring", "3");
    // 4. Return the string-concatenation of hour, ":", minute, ":", second, the code unit
    //    0x0020 (SPACE), and "GMT".
    crate::step!("sec-timestring", "4");
    format!(
        "{}:{}:{} GMT",
        to_zero_padded_decimal_string(hour_from_time(tv), 2),
        to_zero_padded_decimal_string(min_from_time(tv), 2),
        to_zero_padded_decimal_string(sec_from_time(tv), 2)
    )
}

/// DateString ( tv ) (21.4.4.41.2).
pub(super) fn date_string(tv: f64) -> String {
    // 1. Let weekday be the Name of the entry in Table 63 with the Number WeekDay(tv).
    crate::step!("sec-datestring", "1");
    let weekday = DAY_NAMES[week_day(tv) as usize % 7];
    // 2. Let month be the Name of the entry in Table 64 with the Number MonthFromTime(tv).
    crate::step!("sec-datestring", "2");
    let month = MONTH_NAMES[month_from_time(tv) as usize % 12];
    // 3. Let day be ToZeroPaddedDecimalString(ℝ(DateFromTime(tv)), 2).
    crate::step!("sec-datestring", "3");
    let day = to_zero_padded_decimal_string(date_from_time(tv), 2);
    // 4. Let yv be YearFromTime(tv).
    crate::step!("sec-datestring", "4");
    // 5. If yv is +0𝔽 or yv > +0𝔽, let yearSign be the empty String; otherwise, let
    //    yearSign be "-".
    crate::step!("sec-datestring", "5");
    // 6. Let paddedYear be ToZeroPaddedDecimalString(abs(ℝ(yv)), 4).
    crate::step!("sec-datestring", "6");
    let year = year_string(year_from_time(tv));
    // 7. Return the string-concatenation of weekday, the code unit 0x0020 (SPACE), month,
    //    the code unit 0x0020 (SPACE), day, the code unit 0x0020 (SPACE), yearSign, and
    //    paddedYear.
    crate::step!("sec-datestring", "7");
    format!("{weekday} {month} {day} {year}")
}

/// TimeZoneString ( tv ) (21.4.4.41.3), for the UTC host time zone.
pub(super) fn time_zone_string(tv: f64) -> String {
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
    let offset_min = to_zero_padded_decimal_string(min_from_time(abs_offset), 2);
    // 8. Let offsetHour be ToZeroPaddedDecimalString(ℝ(HourFromTime(absOffset)), 2).
    let offset_hour = to_zero_padded_decimal_string(hour_from_time(abs_offset), 2);
    // 9. Let tzName be an implementation-defined string that is either the empty String or
    //    the string-concatenation of the code unit 0x0020 (SPACE), the code unit 0x0028
    //    (LEFT PARENTHESIS), an implementation-defined timezone name, and the code unit
    //    0x0029 (RIGHT PARENTHESIS).
    let tz_name = " (Coordinated Universal Time)";
    // 10. Return the string-concatenation of offsetSign, offsetHour, offsetMin, and tzName.
    format!("{offset_sign}{offset_hour}{offset_min}{tz_name}")
}

/// ToDateString ( tv ) (21.4.4.41.4).
pub(super) fn to_date_string(tv: f64) -> String {
    // 1. If tv is NaN, return "Invalid Date".
    crate::step!("sec-todatestring", "1");
    if tv.is_nan() {
        return "Invalid Date".to_string();
    }
    // 2. Let t be LocalTime(tv).
    crate::step!("sec-todatestring", "2");
    let t = local_time(tv);
    // 3. Return the string-concatenation of DateString(t), the code unit 0x0020 (SPACE),
    //    TimeString(t), and TimeZoneString(tv).
    crate::step!("sec-todatestring", "3");
    format!(
        "{} {}{}",
        date_string(t),
        time_string(t),
        time_zone_string(tv)
    )
}

/// The string of Date.prototype.toUTCString (21.4.4.43) for a time value.
pub(super) fn utc_string(tv: f64) -> String {
    // 3. If tv is NaN, return "Invalid Date".
    if tv.is_nan() {
        return "Invalid Date".to_string();
    }
    // 4. Let weekday be the Name of the entry in Table 63 with the Number WeekDay(tv).
    let weekday = DAY_NAMES[week_day(tv) as usize % 7];
    // 5. Let month be the Name of the entry in Table 64 with the Number MonthFromTime(tv).
    let month = MONTH_NAMES[month_from_time(tv) as usize % 12];
    // 6. Let day be ToZeroPaddedDecimalString(ℝ(DateFromTime(tv)), 2).
    let day = to_zero_padded_decimal_string(date_from_time(tv), 2);
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
pub fn iso_string(tv: f64) -> String {
    let year = year_from_time(tv);
    let year = if (0.0..=9999.0).contains(&year) {
        to_zero_padded_decimal_string(year, 4)
    } else {
        let sign = if year < 0.0 { "-" } else { "+" };
        format!("{sign}{}", to_zero_padded_decimal_string(year.abs(), 6))
    };
    format!(
        "{year}-{}-{}T{}:{}:{}.{}Z",
        to_zero_padded_decimal_string(month_from_time(tv) + 1.0, 2),
        to_zero_padded_decimal_string(date_from_time(tv), 2),
        to_zero_padded_decimal_string(hour_from_time(tv), 2),
        to_zero_padded_decimal_string(min_from_time(tv), 2),
        to_zero_padded_decimal_string(sec_from_time(tv), 2),
        to_zero_padded_decimal_string(ms_from_time(tv), 3)
    )
}
