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
//!
//! The parts: the time value operations (`time_values.rs`), the string formats of toString,
//! toUTCString and toISOString (`string_formats.rs`), Date.parse's formats (`parse.rs`), the
//! constructor and its functions (`constructor.rs`), and the prototype's getters
//! (`getters.rs`), setters (`setters.rs`) and conversions (`conversions.rs`).

mod constructor;
mod conversions;
mod getters;
mod parse;
mod setters;
mod string_formats;
mod time_values;

pub use string_formats::iso_string;

use super::helpers::{define_constructor, define_method, define_value};
use crate::spec::agents::Agent;
use crate::spec::object_type::PropertyKey;
use crate::spec::ordinary_object_internal_methods::ordinary_object_create;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::value::Value;
use constructor::{date_constructor, date_now, date_parse, date_utc};
use conversions::{
    to_date_string_method, to_iso_string, to_json, to_locale_date_string, to_locale_string,
    to_locale_time_string, to_primitive_method, to_string_method, to_time_string, to_utc_string,
    value_of,
};
use getters::{
    get_date, get_day, get_full_year, get_hours, get_milliseconds, get_minutes, get_month,
    get_seconds, get_time, get_timezone_offset, get_utc_date, get_utc_day, get_utc_full_year,
    get_utc_hours, get_utc_milliseconds, get_utc_minutes, get_utc_month, get_utc_seconds, get_year,
};
use setters::{
    set_date, set_full_year, set_hours, set_milliseconds, set_minutes, set_month, set_seconds,
    set_time, set_utc_date, set_utc_full_year, set_utc_hours, set_utc_milliseconds,
    set_utc_minutes, set_utc_month, set_utc_seconds, set_year,
};

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
mod tests;
