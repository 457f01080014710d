//! 22.1.3 Properties of the String Prototype Object: character access (at, charAt,
//! charCodeAt, codePointAt), search (endsWith, includes, indexOf, lastIndexOf, startsWith),
//! comparison and tests (localeCompare, isWellFormed), and the String value (toString,
//! valueOf, ThisStringValue).

use super::operations::{
    clamp, code_point_at, is_regexp, is_string_well_formed_unicode, map_well_formed_chars,
    string_index_of, this_string,
};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::{InternalSlot, ObjectKind};
use crate::spec::ordinary_object_internal_methods::brand_check_error;
use crate::spec::string_type::{string_last_index_of, JsString, OrThrow};
use crate::spec::type_conversion::{to_integer_or_infinity, to_number, to_string};
use crate::spec::value::Value;
use unicode_normalization::UnicodeNormalization;

/// String.prototype.at ( index ) (22.1.3.1).
pub(super) fn at(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Let len be the length of S.
    let len = s.len() as f64;
    // 4. Let relativeIndex be ? ToIntegerOrInfinity(index).
    let relative_index = to_integer_or_infinity(agent, &call.arg(0))?;
    // 5. If relativeIndex ≥ 0, then a. Let k be relativeIndex.
    // 6. Else, a. Let k be len + relativeIndex.
    let k = if relative_index >= 0.0 {
        relative_index
    } else {
        len + relative_index
    };
    // 7. If k < 0 or k ≥ len, return undefined.
    if k < 0.0 || k >= len {
        return Ok(Value::Undefined);
    }
    // 8. Return the substring of S from k to k + 1.
    let k = k as usize;
    Ok(Value::String(s.substring(k, k + 1)))
}

/// String.prototype.charAt ( pos ) (22.1.3.2).
pub(super) fn char_at(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Let position be ? ToIntegerOrInfinity(pos).
    let position = to_integer_or_infinity(agent, &call.arg(0))?;
    // 4. Let size be the length of S.
    // 5. If position < 0 or position ≥ size, return the empty String.
    if position < 0.0 || position >= s.len() as f64 {
        return Ok(Value::String(JsString::default()));
    }
    // 6. Return the substring of S from position to position + 1.
    let p = position as usize;
    Ok(Value::String(s.substring(p, p + 1)))
}

/// String.prototype.charCodeAt ( pos ) (22.1.3.3).
pub(super) fn char_code_at(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Let position be ? ToIntegerOrInfinity(pos).
    let position = to_integer_or_infinity(agent, &call.arg(0))?;
    // 4. Let size be the length of S.
    // 5. If position < 0 or position ≥ size, return NaN.
    if position < 0.0 || position >= s.len() as f64 {
        return Ok(Value::Number(f64::NAN));
    }
    // 6. Return the Number value for the numeric value of the code unit at index position
    //    within the String S.
    Ok(Value::Number(f64::from(s.units()[position as usize])))
}

/// String.prototype.codePointAt ( pos ) (22.1.3.4).
pub(super) fn code_point_at_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Let position be ? ToIntegerOrInfinity(pos).
    let position = to_integer_or_infinity(agent, &call.arg(0))?;
    // 4. Let size be the length of S.
    // 5. If position < 0 or position ≥ size, return undefined.
    if position < 0.0 || position >= s.len() as f64 {
        return Ok(Value::Undefined);
    }
    // 6. Let cp be CodePointAt(S, position).
    let cp = code_point_at(s.units(), position as usize);
    // 7. Return 𝔽(cp.[[CodePoint]]).
    Ok(Value::Number(f64::from(cp.code_point)))
}

/// String.prototype.endsWith ( searchString [ , endPosition ] ) (22.1.3.7).
pub(super) fn ends_with(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Let isRegExp be ? IsRegExp(searchString).
    // 4. If isRegExp is true, throw a TypeError exception.
    let search_string = call.arg(0);
    if is_regexp(agent, &search_string)? {
        return Err(agent.type_error(
            "First argument to String.prototype.endsWith must not be a regular expression",
        ));
    }
    // 5. Let searchStr be ? ToString(searchString).
    let search_str = to_string(agent, &search_string)?;
    // 6. Let len be the length of S.
    let len = s.len() as f64;
    // 7. If endPosition is undefined, let pos be len; else let pos be ?
    //    ToIntegerOrInfinity(endPosition).
    let end_position = call.arg(1);
    let pos = if end_position.is_undefined() {
        len
    } else {
        to_integer_or_infinity(agent, &end_position)?
    };
    // 8. Let end be the result of clamping pos between 0 and len.
    let end = clamp(pos, 0.0, len);
    // 9. Let searchLength be the length of searchStr.
    let search_length = search_str.len();
    // 10. If searchLength = 0, return true.
    if search_length == 0 {
        return Ok(Value::Boolean(true));
    }
    // 11. Let start be end - searchLength.
    // 12. If start < 0, return false.
    let Some(start) = end.checked_sub(search_length) else {
        return Ok(Value::Boolean(false));
    };
    // 13. Let substring be the substring of S from start to end.
    // 14. If substring is searchStr, return true.
    // 15. Return false.
    Ok(Value::Boolean(&s.units()[start..end] == search_str.units()))
}

/// String.prototype.includes ( searchString [ , position ] ) (22.1.3.8).
pub(super) fn includes(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Let isRegExp be ? IsRegExp(searchString).
    // 4. If isRegExp is true, throw a TypeError exception.
    let search_string = call.arg(0);
    if is_regexp(agent, &search_string)? {
        return Err(agent.type_error(
            "First argument to String.prototype.includes must not be a regular expression",
        ));
    }
    // 5. Let searchStr be ? ToString(searchString).
    let search_str = to_string(agent, &search_string)?;
    // 6. Let pos be ? ToIntegerOrInfinity(position).
    // 7. Assert: If position is undefined, then pos is 0.
    let pos = to_integer_or_infinity(agent, &call.arg(1))?;
    // 8. Let len be the length of S.
    // 9. Let start be the result of clamping pos between 0 and len.
    let start = clamp(pos, 0.0, s.len() as f64);
    // 10. Let index be StringIndexOf(S, searchStr, start).
    // 11. If index is ~not-found~, return false.
    // 12. Return true.
    Ok(Value::Boolean(
        string_index_of(s.units(), search_str.units(), start).is_some(),
    ))
}

/// String.prototype.indexOf ( searchString [ , position ] ) (22.1.3.9).
pub(super) fn index_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Let searchStr be ? ToString(searchString).
    let search_str = to_string(agent, &call.arg(0))?;
    // 4. Let pos be ? ToIntegerOrInfinity(position).
    // 5. Assert: If position is undefined, then pos is 0.
    let pos = to_integer_or_infinity(agent, &call.arg(1))?;
    // 6. Let len be the length of S.
    // 7. Let start be the result of clamping pos between 0 and len.
    let start = clamp(pos, 0.0, s.len() as f64);
    // 8. Let result be StringIndexOf(S, searchStr, start).
    // 9. If result is ~not-found~, return -1𝔽.
    // 10. Return 𝔽(result).
    Ok(Value::Number(
        string_index_of(s.units(), search_str.units(), start).map_or(-1.0, |i| i as f64),
    ))
}

/// String.prototype.isWellFormed ( ) (22.1.3.10).
pub(super) fn is_well_formed(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Return IsStringWellFormedUnicode(S).
    Ok(Value::Boolean(is_string_well_formed_unicode(s.units())))
}

/// String.prototype.lastIndexOf ( searchString [ , position ] ) (22.1.3.11).
pub(super) fn last_index_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Let searchStr be ? ToString(searchString).
    let search_str = to_string(agent, &call.arg(0))?;
    // 4. Let numPos be ? ToNumber(position).
    let num_pos = to_number(agent, &call.arg(1))?;
    // 5. Assert: If position is undefined, then numPos is NaN.
    // 6. If numPos is NaN, let pos be +∞; otherwise, let pos be ! ToIntegerOrInfinity(numPos).
    let pos = if num_pos.is_nan() {
        f64::INFINITY
    } else {
        crate::spec::type_conversion::integer_or_infinity(num_pos)
    };
    // 7. Let len be the length of S.
    let len = s.len();
    // 8. Let searchLen be the length of searchStr.
    let search_len = search_str.len();
    if search_len > len {
        // (No i with 0 ≤ i ≤ start exists: the candidate would run past the end.)
        return Ok(Value::Number(-1.0));
    }
    // 9. Let start be the result of clamping pos between 0 and len - searchLen.
    let start = clamp(pos, 0.0, (len - search_len) as f64);
    // 10. If searchStr is the empty String, return 𝔽(start).
    if search_len == 0 {
        return Ok(Value::Number(start as f64));
    }
    // 11. For each integer i such that 0 ≤ i ≤ start, in descending order, do
    //     a. Let candidate be the substring of S from i to i + searchLen.
    //     b. If candidate is searchStr, return 𝔽(i).
    // 12. Return -1𝔽.
    // (The draft's step: Let result be StringLastIndexOf(S, searchStr, start); the loop
    // is StringLastIndexOf's, 6.1.4.2.)
    Ok(Value::Number(
        string_last_index_of(s.units(), search_str.units(), start).map_or(-1.0, |i| i as f64),
    ))
}

/// String.prototype.localeCompare ( that [ , reserved1 [ , reserved2 ] ] ) (22.1.3.12).
///
/// Without ECMA-402 the order is implementation-defined. This implementation compares the
/// canonical (NFC) forms of the two Strings code unit by code unit: a consistent
/// comparator that returns 0 exactly for canonically equivalent Strings, as the clause
/// requires.
pub(super) fn locale_compare(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Let thatValue be ? ToString(that).
    let that_value = to_string(agent, &call.arg(0))?;
    let nfc = |units: &[u16]| map_well_formed_chars(units, |run| Box::new(run.nfc()));
    let s_nfc = nfc(s.units()).or_throw(agent)?;
    let that_nfc = nfc(that_value.units()).or_throw(agent)?;
    let ordering = s_nfc.cmp(&that_nfc);
    Ok(Value::Number(match ordering {
        std::cmp::Ordering::Less => -1.0,
        std::cmp::Ordering::Equal => 0.0,
        std::cmp::Ordering::Greater => 1.0,
    }))
}

/// String.prototype.startsWith ( searchString [ , position ] ) (22.1.3.24).
pub(super) fn starts_with(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Let isRegExp be ? IsRegExp(searchString).
    // 4. If isRegExp is true, throw a TypeError exception.
    let search_string = call.arg(0);
    if is_regexp(agent, &search_string)? {
        return Err(agent.type_error(
            "First argument to String.prototype.startsWith must not be a regular expression",
        ));
    }
    // 5. Let searchStr be ? ToString(searchString).
    let search_str = to_string(agent, &search_string)?;
    // 6. Let len be the length of S.
    let len = s.len();
    // 7. If position is undefined, let pos be 0; else let pos be ?
    //    ToIntegerOrInfinity(position).
    let position = call.arg(1);
    let pos = if position.is_undefined() {
        0.0
    } else {
        to_integer_or_infinity(agent, &position)?
    };
    // 8. Let start be the result of clamping pos between 0 and len.
    let start = clamp(pos, 0.0, len as f64);
    // 9. Let searchLength be the length of searchStr.
    let search_length = search_str.len();
    // 10. If searchLength = 0, return true.
    if search_length == 0 {
        return Ok(Value::Boolean(true));
    }
    // 11. Let end be start + searchLength.
    let end = start + search_length;
    // 12. If end > len, return false.
    if end > len {
        return Ok(Value::Boolean(false));
    }
    // 13. Let substring be the substring of S from start to end.
    // 14. If substring is searchStr, return true.
    // 15. Return false.
    Ok(Value::Boolean(&s.units()[start..end] == search_str.units()))
}

/// ThisStringValue ( value ) (22.1.3.35.1).
fn this_string_value(agent: &mut Agent, value: &Value, method: &str) -> JsResult<JsString> {
    // 1. If value is a String, return value.
    crate::step!("sec-thisstringvalue", "1");
    if let Value::String(s) = value {
        return Ok(s.clone());
    }
    // 2. If value is an Object and value has a [[StringData]] internal slot, then
    crate::step!("sec-thisstringvalue", "2");
    if let Value::Object(o) = value {
        if let ObjectKind::String(s) = &o.data().kind {
            // a. Let s be value.[[StringData]].
            crate::step!("sec-thisstringvalue", "2.a");
            let s = s.clone();
            // b. Assert: s is a String.
            crate::spec_assert!(
                "sec-thisstringvalue",
                "2.b",
                by: "the [[StringData]] slot holds a JsString"
            );
            // c. Return s.
            crate::step!("sec-thisstringvalue", "2.c");
            return Ok(s);
        }
    }
    // 3. Throw a TypeError exception.
    crate::step!("sec-thisstringvalue", "3");
    Err(brand_check_error(
        agent,
        InternalSlot::StringData,
        format_args!("String.prototype.{method}"),
    ))
}

/// String.prototype.toString ( ) (22.1.3.29).
pub(super) fn to_string_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return ? ThisStringValue(this value).
    Ok(Value::String(this_string_value(
        agent, call.this, "toString",
    )?))
}

/// String.prototype.valueOf ( ) (22.1.3.35).
pub(super) fn value_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return ? ThisStringValue(this value).
    Ok(Value::String(this_string_value(
        agent, call.this, "valueOf",
    )?))
}
