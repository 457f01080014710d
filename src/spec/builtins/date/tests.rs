//! Unit tests of the time value operations, the string formats and Date.parse.

use super::parse::parse_date;
use super::string_formats::{iso_string, to_date_string, utc_string};
use super::time_values::{
    date_from_time, hour_from_time, make_date, make_day, make_time, modulo, month_from_time,
    ms_from_time, year_from_time, MAX_TIME,
};

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
