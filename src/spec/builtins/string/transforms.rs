//! 22.1.3 Properties of the String Prototype Object: the methods that build a new String
//! (concat, normalize, padEnd, padStart, repeat, slice, substring, toLowerCase, toUpperCase,
//! toWellFormed, trim, trimEnd, trimStart) with StringPad (22.1.3.17.2) and TrimString
//! (22.1.3.32.1).

use super::operations::{
    clamp, code_point_at, map_well_formed_chars, map_well_formed_text, this_string,
};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::builtins::number::is_trimmable;
use crate::spec::completion_record::JsResult;
use crate::spec::string_type::{check_string_length, JsString, OrThrow, StringBuilder};
use crate::spec::testing_and_comparison::require_object_coercible;
use crate::spec::type_conversion::{to_integer_or_infinity, to_length, to_string};
use crate::spec::value::Value;
use unicode_normalization::UnicodeNormalization;

/// String.prototype.concat ( ...args ) (22.1.3.5).
pub(super) fn concat(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Let R be S.
    let mut r = s;
    // 4. For each element next of args, do
    for next in call.args {
        // a. Let nextString be ? ToString(next).
        // b. Set R to the string-concatenation of R and nextString.
        let next_string = to_string(agent, next)?;
        r = r.concat_in(agent, &next_string)?;
    }
    // 5. Return R.
    Ok(Value::String(r))
}

/// The normalization forms of String.prototype.normalize.
#[derive(Clone, Copy)]
enum NormalizationForm {
    Nfc,
    Nfd,
    Nfkc,
    Nfkd,
}

/// String.prototype.normalize ( [ form ] ) (22.1.3.15).
pub(super) fn normalize(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. If form is undefined, let f be "NFC".
    // 4. Else, let f be ? ToString(form).
    let form = call.arg(0);
    let f = if form.is_undefined() {
        JsString::from("NFC")
    } else {
        to_string(agent, &form)?
    };
    // 5. If f is not one of "NFC", "NFD", "NFKC", or "NFKD", throw a RangeError exception.
    let form = if f.eq_str("NFC") {
        NormalizationForm::Nfc
    } else if f.eq_str("NFD") {
        NormalizationForm::Nfd
    } else if f.eq_str("NFKC") {
        NormalizationForm::Nfkc
    } else if f.eq_str("NFKD") {
        NormalizationForm::Nfkd
    } else {
        return Err(
            agent.range_error("The normalization form should be one of NFC, NFD, NFKC, NFKD")
        );
    };
    // 6. Let ns be the String value that is the result of normalizing S into the
    //    normalization form named by f as specified in the latest Unicode Standard,
    //    Normalization Forms.
    let units = s.units();
    let ns = match form {
        NormalizationForm::Nfc => map_well_formed_chars(units, |run| Box::new(run.nfc())),
        NormalizationForm::Nfd => map_well_formed_chars(units, |run| Box::new(run.nfd())),
        NormalizationForm::Nfkc => map_well_formed_chars(units, |run| Box::new(run.nfkc())),
        NormalizationForm::Nfkd => map_well_formed_chars(units, |run| Box::new(run.nfkd())),
    }
    .or_throw(agent)?;
    // 7. Return ns.
    Ok(Value::String(ns))
}

/// The placement of StringPaddingBuiltinsImpl.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Placement {
    Start,
    End,
}

/// StringPaddingBuiltinsImpl ( O, maxLength, fillString, placement ) (22.1.3.17.1).
fn string_padding_builtins_impl(
    agent: &mut Agent,
    o: &Value,
    max_length: &Value,
    fill_string: &Value,
    placement: Placement,
) -> JsResult<Value> {
    // 1. Let S be ? ToString(O).
    crate::step!("sec-stringpaddingbuiltinsimpl", "1");
    let s = to_string(agent, o)?;
    // 2. Let intMaxLength be ℝ(? ToLength(maxLength)).
    crate::step!("sec-stringpaddingbuiltinsimpl", "2");
    let int_max_length = to_length(agent, max_length)?;
    // 3. Let stringLength be the length of S.
    crate::step!("sec-stringpaddingbuiltinsimpl", "3");
    let string_length = s.len() as u64;
    // 4. If intMaxLength ≤ stringLength, return S.
    crate::step!("sec-stringpaddingbuiltinsimpl", "4");
    if int_max_length <= string_length {
        return Ok(Value::String(s));
    }
    // 5. If fillString is undefined, set fillString to the String value consisting solely
    //    of the code unit 0x0020 (SPACE).
    crate::step!("sec-stringpaddingbuiltinsimpl", "5");
    let fill = if fill_string.is_undefined() {
        JsString::from(" ")
    } else {
        // 6. Else, set fillString to ? ToString(fillString).
        crate::step!("sec-stringpaddingbuiltinsimpl", "6");
        to_string(agent, fill_string)?
    };
    // 7. Return StringPad(S, intMaxLength, fillString, placement).
    crate::step!("sec-stringpaddingbuiltinsimpl", "7");
    string_pad(agent, &s, int_max_length, &fill, placement).map(Value::String)
}

/// StringPad ( S, maxLength, fillString, placement ) (22.1.3.17.2).
fn string_pad(
    agent: &mut Agent,
    s: &JsString,
    max_length: u64,
    fill_string: &JsString,
    placement: Placement,
) -> JsResult<JsString> {
    // 1. Let stringLength be the length of S.
    crate::step!("sec-stringpad", "1");
    let string_length = s.len() as u64;
    // 2. If maxLength ≤ stringLength, return S.
    crate::step!("sec-stringpad", "2");
    if max_length <= string_length {
        return Ok(s.clone());
    }
    // 3. If fillString is the empty String, return S.
    crate::step!("sec-stringpad", "3");
    if fill_string.is_empty() {
        return Ok(s.clone());
    }
    check_string_length(usize::try_from(max_length).unwrap_or(usize::MAX)).or_throw(agent)?;
    // 4. Let fillLen be maxLength - stringLength.
    crate::step!("sec-stringpad", "4");
    let fill_len = (max_length - string_length) as usize;
    // 5. Let truncatedStringFiller be the String value consisting of repeated
    //    concatenations of fillString truncated to length fillLen.
    crate::step!("sec-stringpad", "5");
    let mut filler = StringBuilder::with_capacity(fill_len);
    let fill = fill_string.units();
    while filler.len() < fill_len {
        let take = (fill_len - filler.len()).min(fill.len());
        filler.extend(&fill[..take]).or_throw(agent)?;
    }
    let filler = filler.build();
    // 6. If placement is start, return the string-concatenation of
    //    truncatedStringFiller and S.
    crate::step!("sec-stringpad", "6");
    if placement == Placement::Start {
        filler.concat_in(agent, s)
    } else {
        // 7. Else, return the string-concatenation of S and truncatedStringFiller.
        crate::step!("sec-stringpad", "7");
        s.concat_in(agent, &filler)
    }
}

/// String.prototype.padEnd ( maxLength [ , fillString ] ) (22.1.3.16).
pub(super) fn pad_end(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    require_object_coercible(agent, call.this)?;
    // 2. Return ? StringPaddingBuiltinsImpl(O, maxLength, fillString, ~end~).
    string_padding_builtins_impl(agent, call.this, &call.arg(0), &call.arg(1), Placement::End)
}

/// String.prototype.padStart ( maxLength [ , fillString ] ) (22.1.3.17).
pub(super) fn pad_start(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    require_object_coercible(agent, call.this)?;
    // 2. Return ? StringPaddingBuiltinsImpl(O, maxLength, fillString, ~start~).
    string_padding_builtins_impl(
        agent,
        call.this,
        &call.arg(0),
        &call.arg(1),
        Placement::Start,
    )
}

/// String.prototype.repeat ( count ) (22.1.3.18).
pub(super) fn repeat(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Let n be ? ToIntegerOrInfinity(count).
    let n = to_integer_or_infinity(agent, &call.arg(0))?;
    // 4. If n < 0 or n = +∞, throw a RangeError exception.
    if n < 0.0 || n == f64::INFINITY {
        return Err(agent.range_error("Invalid count value"));
    }
    // 5. If n = 0, return the empty String.
    if n == 0.0 || s.is_empty() {
        return Ok(Value::String(JsString::default()));
    }
    // (The result's length, saturating: f64 → usize casts do.)
    check_string_length((n * s.len() as f64) as usize).or_throw(agent)?;
    // 6. Return the String value that is made from n copies of S appended together.
    let mut out = StringBuilder::with_capacity(n as usize * s.len());
    for _ in 0..n as usize {
        out.push_string(&s).or_throw(agent)?;
    }
    Ok(Value::String(out.build()))
}

/// The relative index arithmetic of slice / substr: a negative index counts from `len`.
pub(super) fn relative_start(int_start: f64, len: f64) -> f64 {
    if int_start == f64::NEG_INFINITY {
        0.0
    } else if int_start < 0.0 {
        (len + int_start).max(0.0)
    } else {
        int_start.min(len)
    }
}

/// String.prototype.slice ( start, end ) (22.1.3.22).
pub(super) fn slice(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Let len be the length of S.
    let len = s.len() as f64;
    // 4. Let intStart be ? ToIntegerOrInfinity(start).
    let int_start = to_integer_or_infinity(agent, &call.arg(0))?;
    // 5. If intStart = -∞, let from be 0.
    // 6. Else if intStart < 0, let from be max(len + intStart, 0).
    // 7. Else, let from be min(intStart, len).
    let from = relative_start(int_start, len);
    // 8. If end is undefined, let intEnd be len; else let intEnd be ?
    //    ToIntegerOrInfinity(end).
    let end = call.arg(1);
    let int_end = if end.is_undefined() {
        len
    } else {
        to_integer_or_infinity(agent, &end)?
    };
    // 9. If intEnd = -∞, let to be 0.
    // 10. Else if intEnd < 0, let to be max(len + intEnd, 0).
    // 11. Else, let to be min(intEnd, len).
    let to = relative_start(int_end, len);
    // 12. If from ≥ to, return the empty String.
    if from >= to {
        return Ok(Value::String(JsString::default()));
    }
    // 13. Return the substring of S from from to to.
    Ok(Value::String(s.substring(from as usize, to as usize)))
}

/// String.prototype.substring ( start, end ) (22.1.3.25).
pub(super) fn substring(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Let len be the length of S.
    let len = s.len() as f64;
    // 4. Let intStart be ? ToIntegerOrInfinity(start).
    let int_start = to_integer_or_infinity(agent, &call.arg(0))?;
    // 5. If end is undefined, let intEnd be len; else let intEnd be ?
    //    ToIntegerOrInfinity(end).
    let end = call.arg(1);
    let int_end = if end.is_undefined() {
        len
    } else {
        to_integer_or_infinity(agent, &end)?
    };
    // 6. Let finalStart be the result of clamping intStart between 0 and len.
    let final_start = clamp(int_start, 0.0, len);
    // 7. Let finalEnd be the result of clamping intEnd between 0 and len.
    let final_end = clamp(int_end, 0.0, len);
    // 8. Let from be min(finalStart, finalEnd).
    // 9. Let to be max(finalStart, finalEnd).
    // 10. Return the substring of S from from to to.
    let from = final_start.min(final_end);
    let to = final_start.max(final_end);
    Ok(Value::String(s.substring(from, to)))
}

/// String.prototype.toLowerCase ( ) (22.1.3.28); also toLocaleLowerCase (22.1.3.26),
/// whose locale-sensitive mappings are implementation-defined without ECMA-402 (this
/// implementation uses the locale-independent ones).
pub(super) fn to_lower_case(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Let sText be StringToCodePoints(S).
    // 4. Let lowerText be toLowercase(sText), according to the Unicode Default Case
    //    Conversion algorithm.
    // 5. Let L be CodePointsToString(lowerText).
    // 6. Return L.
    let l = map_well_formed_text(s.units(), str::to_lowercase).or_throw(agent)?;
    Ok(Value::String(l))
}

/// String.prototype.toUpperCase ( ) (22.1.3.30); also toLocaleUpperCase (22.1.3.27).
pub(super) fn to_upper_case(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    // It behaves in exactly the same way as String.prototype.toLowerCase, except that the
    // String is mapped using the toUppercase algorithm of the Unicode Default Case
    // Conversion.
    let s = this_string(agent, call)?;
    let u = map_well_formed_text(s.units(), str::to_uppercase).or_throw(agent)?;
    Ok(Value::String(u))
}

/// String.prototype.toWellFormed ( ) (22.1.3.31).
pub(super) fn to_well_formed(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    let units = s.units();
    // 3. Let strLen be the length of S.
    // 4. Let k be 0.
    let mut k = 0;
    // 5. Let result be the empty String.
    let mut result = Vec::with_capacity(units.len());
    // 6. Repeat, while k < strLen,
    while k < units.len() {
        // a. Let cp be CodePointAt(S, k).
        let cp = code_point_at(units, k);
        // b. If cp.[[IsUnpairedSurrogate]] is true, then
        //    i. Set result to the string-concatenation of result and 0xFFFD (REPLACEMENT
        //       CHARACTER).
        // c. Else, i. Set result to the string-concatenation of result and
        //    UTF16EncodeCodePoint(cp.[[CodePoint]]).
        if cp.is_unpaired_surrogate {
            result.push(0xFFFD);
        } else {
            result.extend_from_slice(&units[k..k + cp.code_unit_count]);
        }
        // d. Set k to k + cp.[[CodeUnitCount]].
        k += cp.code_unit_count;
    }
    // 7. Return result.
    Ok(Value::String(JsString::from_vec(result)))
}

/// Where TrimString trims.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TrimWhere {
    Start,
    End,
    StartAndEnd,
}

/// TrimString ( string, where ) (22.1.3.32.1).
fn trim_string(agent: &mut Agent, string: &Value, where_: TrimWhere) -> JsResult<Value> {
    // 1. Perform ? RequireObjectCoercible(string).
    crate::step!("sec-trimstring", "1");
    require_object_coercible(agent, string)?;
    // 2. Let S be ? ToString(string).
    crate::step!("sec-trimstring", "2");
    let s = to_string(agent, string)?;
    let units = s.units();
    // (The definition of white space is the union of WhiteSpace and LineTerminator.)
    // The start of T: the first code unit that is not white space.
    let leading = || {
        units
            .iter()
            .position(|u| !is_trimmable(*u))
            .unwrap_or(units.len())
    };
    // The end of T, from `start`: after the last code unit that is not white space.
    let trailing = |start: usize| {
        units
            .iter()
            .rposition(|u| !is_trimmable(*u))
            .map_or(start, |i| i + 1)
    };
    // 3. If where is start, then
    crate::step!("sec-trimstring", "3");
    let (start, end) = if where_ == TrimWhere::Start {
        // a. Let T be the String value that is a copy of S with leading white space
        //    removed.
        crate::step!("sec-trimstring", "3.a");
        (leading(), units.len())
    } else if where_ == TrimWhere::End {
        // 4. Else if where is end, then
        crate::step!("sec-trimstring", "4");
        // a. Let T be the String value that is a copy of S with trailing white space
        //    removed.
        crate::step!("sec-trimstring", "4.a");
        (0, trailing(0))
    } else {
        // 5. Else,
        crate::step!("sec-trimstring", "5");
        // a. Assert: where is start+end.
        crate::spec_assert!("sec-trimstring", "5.a", where_ == TrimWhere::StartAndEnd);
        // b. Let T be the String value that is a copy of S with both leading and
        //    trailing white space removed.
        crate::step!("sec-trimstring", "5.b");
        let start = leading();
        (start, trailing(start))
    };
    // 6. Return T.
    crate::step!("sec-trimstring", "6");
    Ok(Value::String(s.substring(start, end.max(start))))
}

/// String.prototype.trim ( ) (22.1.3.32).
pub(super) fn trim(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let S be the this value.
    // 2. Return ? TrimString(S, ~start+end~).
    trim_string(agent, call.this, TrimWhere::StartAndEnd)
}

/// String.prototype.trimEnd ( ) (22.1.3.33).
pub(super) fn trim_end(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let S be the this value.
    // 2. Return ? TrimString(S, ~end~).
    trim_string(agent, call.this, TrimWhere::End)
}

/// String.prototype.trimStart ( ) (22.1.3.34).
pub(super) fn trim_start(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let S be the this value.
    // 2. Return ? TrimString(S, ~start~).
    trim_string(agent, call.this, TrimWhere::Start)
}
