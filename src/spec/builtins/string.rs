//! 22.1 String Objects (sec-string-objects): the String constructor, String.fromCharCode /
//! fromCodePoint / raw, the methods of %String.prototype% (a String exotic object whose
//! [[StringData]] is ""), %StringIteratorPrototype% (22.1.5) and the Annex B methods
//! (B.2.2: substr, trimLeft / trimRight and the HTML methods).
//!
//! match, matchAll, replace, replaceAll, search and split dispatch to a %Symbol.match% ...
//! %Symbol.split% method of their argument as the spec says, or create a RegExp
//! (RegExpCreate, in regexp.rs) and invoke its method. Their step 2 looks the method up
//! only on an Object argument ("If regexp is an Object"), the text since ecma262 PR #3009
//! (2025), which test262 tests; before it read "If regexp is neither undefined nor null"
//! and looked it up on primitives too.

use super::helpers::{define_constructor, define_method, define_value};
use super::number::is_trimmable;
use super::regexp::regexp_create;
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::{InternalSlot, ObjectKind};
use crate::spec::object_type::PropertyKey;
use crate::spec::operations_on_iterator_objects::create_iterator_result_object;
use crate::spec::operations_on_objects::{
    call, create_array_from_list, get, get_method, index_key, invoke, length_of_array_like,
};
use crate::spec::ordinary_object_internal_methods::{
    brand_check_error, get_prototype_from_constructor, ordinary_object_create_with,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::string_exotic_objects::string_create;
use crate::spec::string_type::JsString;
use crate::spec::testing_and_comparison::{is_callable, require_object_coercible};
use crate::spec::type_conversion::{
    string_to_number, to_boolean, to_integer_or_infinity, to_length, to_number, to_object,
    to_string, to_uint16, to_uint32,
};
use crate::spec::value::Value;
use unicode_normalization::UnicodeNormalization;

/// The longest String this implementation creates in repeat / padStart / padEnd (an
/// implementation limit; longer results throw a RangeError).
const MAX_STRING_LENGTH: u64 = (1 << 30) - 25;

fn string_too_long(agent: &mut Agent) -> Value {
    agent.range_error("Invalid string length")
}

// ---------------------------------------------------------------------------------------
// String operations used by the methods
// ---------------------------------------------------------------------------------------

/// StringIndexOf ( string, searchValue, fromIndex ) (6.1.4.1): `None` is ~not-found~.
pub fn string_index_of(string: &[u16], search_value: &[u16], from_index: usize) -> Option<usize> {
    // 1. Let len be the length of string.
    let len = string.len();
    // 2. If searchValue is the empty String and fromIndex ≤ len, return fromIndex.
    if search_value.is_empty() {
        return (from_index <= len).then_some(from_index);
    }
    // 3. Let searchLen be the length of searchValue.
    let search_len = search_value.len();
    // 4. For each integer i such that fromIndex ≤ i ≤ len - searchLen, in ascending
    //    order, do
    //    a. Let candidate be the substring of string from i to i + searchLen.
    //    b. If candidate is searchValue, return i.
    // 5. Return ~not-found~.
    if search_len > len {
        return None;
    }
    (from_index..=len - search_len).find(|&i| &string[i..i + search_len] == search_value)
}

/// Whether a code unit is a leading (high) surrogate.
fn is_leading_surrogate(u: u16) -> bool {
    (0xD800..=0xDBFF).contains(&u)
}

/// Whether a code unit is a trailing (low) surrogate.
fn is_trailing_surrogate(u: u16) -> bool {
    (0xDC00..=0xDFFF).contains(&u)
}

/// The result of CodePointAt: [[CodePoint]], [[CodeUnitCount]], [[IsUnpairedSurrogate]].
pub struct CodePointRecord {
    pub code_point: u32,
    pub code_unit_count: usize,
    pub is_unpaired_surrogate: bool,
}

/// CodePointAt ( string, position ) (11.1.4).
pub fn code_point_at(string: &[u16], position: usize) -> CodePointRecord {
    // 1. Let size be the length of string.
    // 2. Assert: position ≥ 0 and position < size.
    // 3. Let first be the code unit at index position within string.
    let first = string[position];
    // 4. Let cp be the code point whose numeric value is the numeric value of first.
    let cp = u32::from(first);
    // 5. If first is neither a leading surrogate nor a trailing surrogate, then
    //    a. Return the Record { [[CodePoint]]: cp, [[CodeUnitCount]]: 1,
    //       [[IsUnpairedSurrogate]]: false }.
    if !is_leading_surrogate(first) && !is_trailing_surrogate(first) {
        return CodePointRecord {
            code_point: cp,
            code_unit_count: 1,
            is_unpaired_surrogate: false,
        };
    }
    // 6. If first is a trailing surrogate or position + 1 = size, then
    //    a. Return the Record { [[CodePoint]]: cp, [[CodeUnitCount]]: 1,
    //       [[IsUnpairedSurrogate]]: true }.
    // 7. Let second be the code unit at index position + 1 within string.
    // 8. If second is not a trailing surrogate, then
    //    a. Return the Record { [[CodePoint]]: cp, [[CodeUnitCount]]: 1,
    //       [[IsUnpairedSurrogate]]: true }.
    let second = string.get(position + 1).copied();
    let Some(second) = second.filter(|s| is_leading_surrogate(first) && is_trailing_surrogate(*s))
    else {
        return CodePointRecord {
            code_point: cp,
            code_unit_count: 1,
            is_unpaired_surrogate: true,
        };
    };
    // 9. Set cp to UTF16SurrogatePairToCodePoint(first, second).
    // 10. Return the Record { [[CodePoint]]: cp, [[CodeUnitCount]]: 2,
    //     [[IsUnpairedSurrogate]]: false }.
    CodePointRecord {
        code_point: (u32::from(first) - 0xD800) * 0x400 + (u32::from(second) - 0xDC00) + 0x10000,
        code_unit_count: 2,
        is_unpaired_surrogate: false,
    }
}

/// IsStringWellFormedUnicode ( string ) (6.1.4.2).
fn is_string_well_formed_unicode(string: &[u16]) -> bool {
    // 1. Let len be the length of string.
    // 2. Let k be 0.
    // 3. Repeat, while k < len,
    //    a. Let cp be CodePointAt(string, k).
    //    b. If cp.[[IsUnpairedSurrogate]] is true, return false.
    //    c. Set k to k + cp.[[CodeUnitCount]].
    // 4. Return true.
    let mut k = 0;
    while k < string.len() {
        let cp = code_point_at(string, k);
        if cp.is_unpaired_surrogate {
            return false;
        }
        k += cp.code_unit_count;
    }
    true
}

/// UTF16EncodeCodePoint ( cp ) (11.1.1), appended to `out`.
fn utf16_encode_code_point(cp: u32, out: &mut Vec<u16>) {
    // 1. Assert: 0 ≤ cp ≤ 0x10FFFF.
    // 2. If cp ≤ 0xFFFF, return the String value consisting of the code unit whose
    //    numeric value is cp.
    if cp <= 0xFFFF {
        out.push(cp as u16);
        return;
    }
    // 3. Let cu1 be the code unit whose numeric value is floor((cp - 0x10000) / 0x400) +
    //    0xD800.
    // 4. Let cu2 be the code unit whose numeric value is ((cp - 0x10000) modulo 0x400) +
    //    0xDC00.
    // 5. Return the string-concatenation of cu1 and cu2.
    out.push(((cp - 0x10000) / 0x400 + 0xD800) as u16);
    out.push(((cp - 0x10000) % 0x400 + 0xDC00) as u16);
}

/// Applies `f` to each maximal well-formed run of `units` (as Rust text) and keeps lone
/// surrogates as they are: the Unicode algorithms (case conversion, normalization) work
/// on code points, and a lone surrogate is a code point they leave alone.
fn map_well_formed_runs(units: &[u16], f: impl Fn(&str) -> String) -> Vec<u16> {
    let mut out = Vec::with_capacity(units.len());
    let mut run = String::new();
    let mut k = 0;
    while k < units.len() {
        let cp = code_point_at(units, k);
        if cp.is_unpaired_surrogate {
            out.extend(f(&run).encode_utf16());
            run.clear();
            out.push(units[k]);
        } else if let Some(c) = char::from_u32(cp.code_point) {
            run.push(c);
        }
        k += cp.code_unit_count;
    }
    out.extend(f(&run).encode_utf16());
    out
}

/// IsRegExp ( argument ) (7.2.8).
pub fn is_regexp(agent: &mut Agent, argument: &Value) -> JsResult<bool> {
    // 1. If argument is not an Object, return false.
    let Value::Object(o) = argument else {
        return Ok(false);
    };
    // 2. Let matcher be ? Get(argument, %Symbol.match%).
    let key = PropertyKey::Symbol(agent.well_known.match_.clone());
    let matcher = get(agent, o, &key)?;
    // 3. If matcher is not undefined, return ToBoolean(matcher).
    if !matcher.is_undefined() {
        return Ok(to_boolean(&matcher));
    }
    // 4. If argument has a [[RegExpMatcher]] internal slot, return true.
    // 5. Return false.
    Ok(super::regexp::has_regexp_matcher(o))
}

/// GetSubstitution ( matched, str, position, captures, namedCaptures,
/// replacementTemplate ) (22.1.3.19.1). `captures` holds Strings and undefined.
pub fn get_substitution(
    agent: &mut Agent,
    matched: &JsString,
    string: &JsString,
    position: usize,
    captures: &[Value],
    named_captures: &Value,
    replacement_template: &JsString,
) -> JsResult<JsString> {
    let str_units = string.units();
    let dollar = u16::from(b'$');
    let is_digit = |u: u16| (u16::from(b'0')..=u16::from(b'9')).contains(&u);
    // 1. Let stringLength be the length of str.
    let string_length = str_units.len();
    // 2. Assert: position ≤ stringLength.
    // 3. Let result be the empty String.
    let mut result: Vec<u16> = Vec::new();
    // 4. Let templateRemainder be replacementTemplate.
    let mut template_remainder = replacement_template.units();
    // 5. Repeat, while templateRemainder is not the empty String,
    while !template_remainder.is_empty() {
        // a. NOTE: The following steps isolate ref (a prefix of templateRemainder),
        //    determine refReplacement (its replacement), and then append that replacement
        //    to result.
        let at = |i: usize| template_remainder.get(i).copied().unwrap_or(0);
        let ref_length: usize;
        if at(0) == dollar && at(1) == dollar {
            // b. If templateRemainder starts with "$$", then
            //    i. Let ref be "$$". ii. Let refReplacement be "$".
            ref_length = 2;
            result.push(dollar);
        } else if at(0) == dollar && at(1) == u16::from(b'`') {
            // c. Else if templateRemainder starts with "$`", then
            //    i. Let ref be "$`".
            //    ii. Let refReplacement be the substring of str from 0 to position.
            ref_length = 2;
            result.extend_from_slice(&str_units[..position.min(string_length)]);
        } else if at(0) == dollar && at(1) == u16::from(b'&') {
            // d. Else if templateRemainder starts with "$&", then
            //    i. Let ref be "$&". ii. Let refReplacement be matched.
            ref_length = 2;
            result.extend_from_slice(matched.units());
        } else if at(0) == dollar && at(1) == u16::from(b'\'') {
            // e. Else if templateRemainder starts with "$'" (0x0024 (DOLLAR SIGN) followed by
            //    0x0027 (APOSTROPHE)), then
            //    i. Let ref be "$'".
            //    ii. Let matchLength be the length of matched.
            //    iii. Let tailPos be position + matchLength.
            //    iv. Let refReplacement be the substring of str from min(tailPos,
            //        stringLength).
            //    v. NOTE: tailPos can exceed stringLength only if this abstract operation
            //       was invoked by a call to the intrinsic %Symbol.replace% method of
            //       %RegExp.prototype% on an object whose "exec" property is not the
            //       intrinsic %RegExp.prototype.exec%.
            ref_length = 2;
            let tail_pos = position + matched.len();
            result.extend_from_slice(&str_units[tail_pos.min(string_length)..]);
        } else if at(0) == dollar && is_digit(at(1)) {
            // f. Else if templateRemainder starts with "$" followed by 1 or more decimal
            //    digits, then
            //    i. If templateRemainder starts with "$" followed by 2 or more decimal
            //       digits, let digitCount be 2. Otherwise, let digitCount be 1.
            let mut digit_count = if is_digit(at(2)) { 2 } else { 1 };
            //    ii. Let digits be the substring of templateRemainder from 1 to 1 +
            //        digitCount.
            //    iii. Let index be ℝ(StringToNumber(digits)).
            let mut index = string_to_number(&template_remainder[1..1 + digit_count]) as usize;
            //    iv. Assert: 0 ≤ index ≤ 99.
            //    v. Let captureLen be the number of elements in captures.
            let capture_len = captures.len();
            //    vi. If index > captureLen and digitCount = 2, then
            if index > capture_len && digit_count == 2 {
                // 1. NOTE: When a two-digit replacement pattern specifies an index
                //    exceeding the count of capturing groups, it is reinterpreted as a
                //    one-digit replacement pattern followed by a literal digit.
                // 2. Set digitCount to 1.
                digit_count = 1;
                // 3. Set digits to the substring of digits from 0 to 1.
                // 4. Set index to ℝ(StringToNumber(digits)).
                index = string_to_number(&template_remainder[1..2]) as usize;
            }
            //    vii. Let ref be the substring of templateRemainder from 0 to 1 +
            //         digitCount.
            ref_length = 1 + digit_count;
            //    viii. If 1 ≤ index ≤ captureLen, then
            if (1..=capture_len).contains(&index) {
                // 1. Let capture be captures[index - 1].
                // 2. If capture is undefined, then a. Let refReplacement be the empty
                //    String.
                // 3. Else, a. Let refReplacement be capture.
                if let Value::String(capture) = &captures[index - 1] {
                    result.extend_from_slice(capture.units());
                }
            } else {
                // ix. Else, 1. Let refReplacement be ref.
                result.extend_from_slice(&template_remainder[..ref_length]);
            }
        } else if at(0) == dollar && at(1) == u16::from(b'<') {
            // g. Else if templateRemainder starts with "$<", then
            //    i. Let gtPos be StringIndexOf(templateRemainder, ">", 0).
            let gt_pos = string_index_of(template_remainder, &[u16::from(b'>')], 0);
            match gt_pos {
                //    ii. If gtPos is ~not-found~ or namedCaptures is undefined, then
                //        1. Let ref be "$<". 2. Let refReplacement be ref.
                Some(gt_pos) if !named_captures.is_undefined() => {
                    // iii. Else,
                    //      1. Let ref be the substring of templateRemainder from 0 to
                    //         gtPos + 1.
                    ref_length = gt_pos + 1;
                    //      2. Let groupName be the substring of templateRemainder from 2
                    //         to gtPos.
                    let group_name = JsString::from_units(&template_remainder[2..gt_pos]);
                    //      3. Assert: namedCaptures is an Object.
                    let named = to_object(agent, named_captures)?;
                    //      4. Let capture be ? Get(namedCaptures, groupName).
                    let capture = get(agent, &named, &PropertyKey::from_string(group_name))?;
                    //      5. If capture is undefined, then a. Let refReplacement be the
                    //         empty String.
                    //      6. Else, a. Let refReplacement be ? ToString(capture).
                    if !capture.is_undefined() {
                        let capture = to_string(agent, &capture)?;
                        result.extend_from_slice(capture.units());
                    }
                }
                _ => {
                    ref_length = 2;
                    result.extend_from_slice(&template_remainder[..2]);
                }
            }
        } else {
            // h. Else,
            //    i. Let ref be the substring of templateRemainder from 0 to 1.
            //    ii. Let refReplacement be ref.
            ref_length = 1;
            result.push(template_remainder[0]);
        }
        // i. Let refLength be the length of ref.
        // j. Set templateRemainder to the substring of templateRemainder from refLength.
        // k. Set result to the string-concatenation of result and refReplacement.
        template_remainder = &template_remainder[ref_length..];
    }
    // 6. Return result.
    Ok(JsString::from_vec(result))
}

/// Clamps an integer (or ±∞) between `lower` and `upper` (ℝ values as f64).
fn clamp(value: f64, lower: f64, upper: f64) -> usize {
    value.max(lower).min(upper) as usize
}

/// Steps 1-2 shared by most methods: RequireObjectCoercible(this value), then ToString.
fn this_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<JsString> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    require_object_coercible(agent, call.this)?;
    // 2. Let S be ? ToString(O).
    to_string(agent, call.this)
}

// ---------------------------------------------------------------------------------------
// The String constructor and its functions
// ---------------------------------------------------------------------------------------

/// String ( value ) (22.1.1.1).
fn string_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If value is not present, then a. Let s be the empty String.
    let s = match call.args.first() {
        None => JsString::default(),
        // 2. Else,
        Some(value) => {
            // a. If NewTarget is undefined and value is a Symbol, return
            //    SymbolDescriptiveString(value).
            if let (None, Value::Symbol(sym)) = (call.new_target, value) {
                return Ok(Value::String(sym.descriptive_string()));
            }
            // b. Let s be ? ToString(value).
            to_string(agent, value)?
        }
    };
    // 3. If NewTarget is undefined, return s.
    let Some(new_target) = call.new_target else {
        return Ok(Value::String(s));
    };
    // 4. Return StringCreate(s, ? GetPrototypeFromConstructor(NewTarget,
    //    "%String.prototype%")).
    let proto = get_prototype_from_constructor(agent, new_target, Intrinsic::StringPrototype)?;
    Ok(Value::Object(string_create(s, proto)))
}

/// String.fromCharCode ( ...codeUnits ) (22.1.2.1).
fn from_char_code(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let result be the empty String.
    let mut result = Vec::with_capacity(call.args.len());
    // 2. For each element next of codeUnits, do
    for next in call.args {
        // a. Let nextCU be the code unit whose numeric value is ℝ(? ToUint16(next)).
        // b. Set result to the string-concatenation of result and nextCU.
        result.push(to_uint16(agent, next)?);
    }
    // 3. Return result.
    Ok(Value::String(JsString::from_vec(result)))
}

/// String.fromCodePoint ( ...codePoints ) (22.1.2.2).
fn from_code_point(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let result be the empty String.
    let mut result = Vec::with_capacity(call.args.len());
    // 2. For each element next of codePoints, do
    for next in call.args {
        // a. Let nextCP be ? ToNumber(next).
        let next_cp = to_number(agent, next)?;
        // b. If IsIntegralNumber(nextCP) is false, throw a RangeError exception.
        // c. If ℝ(nextCP) < 0 or ℝ(nextCP) > 0x10FFFF, throw a RangeError exception.
        if !super::number::is_integral_number(next_cp) || !(0.0..=1114111.0).contains(&next_cp) {
            return Err(agent.range_error(&format!(
                "invalid code point {}",
                crate::spec::number_type::number_to_string(next_cp)
            )));
        }
        // d. Set result to the string-concatenation of result and
        //    UTF16EncodeCodePoint(ℝ(nextCP)).
        utf16_encode_code_point(next_cp as u32, &mut result);
    }
    // 3. Assert: If codePoints is empty, then result is the empty String.
    // 4. Return result.
    Ok(Value::String(JsString::from_vec(result)))
}

/// String.raw ( template, ...substitutions ) (22.1.2.4).
fn raw(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let substitutions = call.args.get(1..).unwrap_or(&[]);
    // 1. Let substitutionCount be the number of elements in substitutions.
    let substitution_count = substitutions.len() as u64;
    // 2. Let cooked be ? ToObject(template).
    let cooked = to_object(agent, &call.arg(0))?;
    // 3. Let literals be ? ToObject(? Get(cooked, "raw")).
    let raw = get(agent, &cooked, &"raw".into())?;
    let literals = to_object(agent, &raw)?;
    // 4. Let literalCount be ? LengthOfArrayLike(literals).
    let literal_count = length_of_array_like(agent, &literals)?;
    // 5. If literalCount ≤ 0, return the empty String.
    if literal_count == 0 {
        return Ok(Value::String(JsString::default()));
    }
    // 6. Let R be the empty String.
    let mut r: Vec<u16> = Vec::new();
    // 7. Let nextIndex be 0.
    let mut next_index: u64 = 0;
    // 8. Repeat,
    loop {
        // a. Let nextLiteralVal be ? Get(literals, ! ToString(𝔽(nextIndex))).
        let next_literal_val = get(agent, &literals, &index_key(next_index))?;
        // b. Let nextLiteral be ? ToString(nextLiteralVal).
        let next_literal = to_string(agent, &next_literal_val)?;
        // c. Set R to the string-concatenation of R and nextLiteral.
        r.extend_from_slice(next_literal.units());
        // d. If nextIndex + 1 = literalCount, return R.
        if next_index + 1 == literal_count {
            return Ok(Value::String(JsString::from_vec(r)));
        }
        // e. If nextIndex < substitutionCount, then
        if next_index < substitution_count {
            // i. Let nextSubVal be substitutions[nextIndex].
            // ii. Let nextSub be ? ToString(nextSubVal).
            // iii. Set R to the string-concatenation of R and nextSub.
            let next_sub = to_string(agent, &substitutions[next_index as usize])?;
            r.extend_from_slice(next_sub.units());
        }
        // f. Set nextIndex to nextIndex + 1.
        next_index += 1;
    }
}

// ---------------------------------------------------------------------------------------
// %String.prototype% methods
// ---------------------------------------------------------------------------------------

/// String.prototype.at ( index ) (22.1.3.1).
fn at(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
fn char_at(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
fn char_code_at(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
fn code_point_at_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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

/// String.prototype.concat ( ...args ) (22.1.3.5).
fn concat(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Let R be S.
    let mut r: Vec<u16> = s.units().to_vec();
    // 4. For each element next of args, do
    for next in call.args {
        // a. Let nextString be ? ToString(next).
        // b. Set R to the string-concatenation of R and nextString.
        let next_string = to_string(agent, next)?;
        r.extend_from_slice(next_string.units());
    }
    // 5. Return R.
    Ok(Value::String(JsString::from_vec(r)))
}

/// String.prototype.endsWith ( searchString [ , endPosition ] ) (22.1.3.7).
fn ends_with(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
fn includes(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
fn index_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
fn is_well_formed(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Return IsStringWellFormedUnicode(S).
    Ok(Value::Boolean(is_string_well_formed_unicode(s.units())))
}

/// String.prototype.lastIndexOf ( searchString [ , position ] ) (22.1.3.11).
fn last_index_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
    let units = s.units();
    Ok(Value::Number(
        (0..=start)
            .rev()
            .find(|&i| &units[i..i + search_len] == search_str.units())
            .map_or(-1.0, |i| i as f64),
    ))
}

/// String.prototype.localeCompare ( that [ , reserved1 [ , reserved2 ] ] ) (22.1.3.12).
///
/// Without ECMA-402 the order is implementation-defined. This implementation compares the
/// canonical (NFC) forms of the two Strings code unit by code unit: a consistent
/// comparator that returns 0 exactly for canonically equivalent Strings, as the clause
/// requires.
fn locale_compare(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Let thatValue be ? ToString(that).
    let that_value = to_string(agent, &call.arg(0))?;
    let nfc = |units: &[u16]| map_well_formed_runs(units, |run| run.nfc().collect());
    let ordering = nfc(s.units()).cmp(&nfc(that_value.units()));
    Ok(Value::Number(match ordering {
        std::cmp::Ordering::Less => -1.0,
        std::cmp::Ordering::Equal => 0.0,
        std::cmp::Ordering::Greater => 1.0,
    }))
}

/// String.prototype.match ( regexp ) (22.1.3.13).
fn match_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    require_object_coercible(agent, call.this)?;
    let regexp = call.arg(0);
    // 2. If regexp is an Object, then
    if regexp.is_object() {
        // a. Let matcher be ? GetMethod(regexp, %Symbol.match%).
        // b. If matcher is not undefined, then
        //    i. Return ? Call(matcher, regexp, « O »).
        let symbol = agent.well_known.match_.clone();
        if let Some(result) =
            invoke_protocol_method(agent, &regexp, symbol, std::slice::from_ref(call.this))?
        {
            return Ok(result);
        }
    }
    // 3. Let S be ? ToString(O).
    let s = to_string(agent, call.this)?;
    // 4. Let rx be ? RegExpCreate(regexp, undefined).
    let rx = regexp_create(agent, &regexp, &Value::Undefined)?;
    // 5. Return ? Invoke(rx, %Symbol.match%, « S »).
    let key = PropertyKey::Symbol(agent.well_known.match_.clone());
    invoke(agent, &Value::Object(rx), &key, &[Value::String(s)])
}

fn call_fn(agent: &mut Agent, f: &Value, this: &Value, args: &[Value]) -> JsResult<Value> {
    call(agent, f, this, args)
}

/// Steps 2.a-2.b of matchAll and replaceAll: a RegExp argument must have the g flag.
fn require_global_flag(agent: &mut Agent, value: &Value, method: &str) -> JsResult<()> {
    // a. Let isRegExp be ? IsRegExp(regexp).
    // b. If isRegExp is true, then
    if is_regexp(agent, value)? {
        // i. Let flags be ? Get(regexp, "flags").
        let flags = match value {
            Value::Object(o) => get(agent, o, &"flags".into())?,
            _ => Value::Undefined,
        };
        // ii. Perform ? RequireObjectCoercible(flags).
        require_object_coercible(agent, &flags)?;
        // iii. If ? ToString(flags) does not contain "g", throw a TypeError exception.
        let flags = to_string(agent, &flags)?;
        if !flags.units().contains(&u16::from(b'g')) {
            return Err(agent.type_error(&format!(
                "String.prototype.{method} called with a non-global RegExp argument"
            )));
        }
    }
    Ok(())
}

/// String.prototype.matchAll ( regexp ) (22.1.3.14).
fn match_all(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    require_object_coercible(agent, call.this)?;
    let regexp = call.arg(0);
    // 2. If regexp is an Object, then
    if regexp.is_object() {
        // a-b. (A RegExp must have the g flag.)
        require_global_flag(agent, &regexp, "matchAll")?;
        // c. Let matcher be ? GetMethod(regexp, %Symbol.matchAll%).
        // d. If matcher is not undefined, then
        //    i. Return ? Call(matcher, regexp, « O »).
        let symbol = agent.well_known.match_all.clone();
        if let Some(result) =
            invoke_protocol_method(agent, &regexp, symbol, std::slice::from_ref(call.this))?
        {
            return Ok(result);
        }
    }
    // 3. Let S be ? ToString(O).
    let s = to_string(agent, call.this)?;
    // 4. Let rx be ? RegExpCreate(regexp, "g").
    let rx = regexp_create(agent, &regexp, &Value::string("g"))?;
    // 5. Return ? Invoke(rx, %Symbol.matchAll%, « S »).
    let key = PropertyKey::Symbol(agent.well_known.match_all.clone());
    invoke(agent, &Value::Object(rx), &key, &[Value::String(s)])
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
fn normalize(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
    let ns = map_well_formed_runs(s.units(), |run| match form {
        NormalizationForm::Nfc => run.nfc().collect(),
        NormalizationForm::Nfd => run.nfd().collect(),
        NormalizationForm::Nfkc => run.nfkc().collect(),
        NormalizationForm::Nfkd => run.nfkd().collect(),
    });
    // 7. Return ns.
    Ok(Value::String(JsString::from_vec(ns)))
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
    let s = to_string(agent, o)?;
    // 2. Let intMaxLength be ℝ(? ToLength(maxLength)).
    let int_max_length = to_length(agent, max_length)?;
    // 3. Let stringLength be the length of S.
    let string_length = s.len() as u64;
    // 4. If intMaxLength ≤ stringLength, return S.
    if int_max_length <= string_length {
        return Ok(Value::String(s));
    }
    // 5. If fillString is undefined, set fillString to the String value consisting solely
    //    of the code unit 0x0020 (SPACE).
    // 6. Else, set fillString to ? ToString(fillString).
    let fill = if fill_string.is_undefined() {
        JsString::from(" ")
    } else {
        to_string(agent, fill_string)?
    };
    // 7. Return StringPad(S, intMaxLength, fillString, placement).
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
    let string_length = s.len() as u64;
    // 2. If maxLength ≤ stringLength, return S.
    // 3. If fillString is the empty String, return S.
    if max_length <= string_length || fill_string.is_empty() {
        return Ok(s.clone());
    }
    if max_length > MAX_STRING_LENGTH {
        return Err(string_too_long(agent));
    }
    // 4. Let fillLen be maxLength - stringLength.
    let fill_len = (max_length - string_length) as usize;
    // 5. Let truncatedStringFiller be the String value consisting of repeated
    //    concatenations of fillString truncated to length fillLen.
    let filler: Vec<u16> = fill_string
        .units()
        .iter()
        .copied()
        .cycle()
        .take(fill_len)
        .collect();
    // 6. If placement is ~start~, return the string-concatenation of
    //    truncatedStringFiller and S.
    // 7. Else, return the string-concatenation of S and truncatedStringFiller.
    let mut out = Vec::with_capacity(max_length as usize);
    if placement == Placement::Start {
        out.extend_from_slice(&filler);
        out.extend_from_slice(s.units());
    } else {
        out.extend_from_slice(s.units());
        out.extend_from_slice(&filler);
    }
    Ok(JsString::from_vec(out))
}

/// String.prototype.padEnd ( maxLength [ , fillString ] ) (22.1.3.16).
fn pad_end(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    require_object_coercible(agent, call.this)?;
    // 2. Return ? StringPaddingBuiltinsImpl(O, maxLength, fillString, ~end~).
    string_padding_builtins_impl(agent, call.this, &call.arg(0), &call.arg(1), Placement::End)
}

/// String.prototype.padStart ( maxLength [ , fillString ] ) (22.1.3.17).
fn pad_start(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
fn repeat(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
    if n * s.len() as f64 > MAX_STRING_LENGTH as f64 {
        return Err(string_too_long(agent));
    }
    // 6. Return the String value that is made from n copies of S appended together.
    Ok(Value::String(JsString::from_vec(
        s.units().repeat(n as usize),
    )))
}

/// The replacement of a match in replace / replaceAll: a call of a functional
/// replaceValue, or GetSubstitution with no captures.
fn replacement_for(
    agent: &mut Agent,
    replace_value: &Value,
    functional: bool,
    search_string: &JsString,
    position: usize,
    string: &JsString,
) -> JsResult<JsString> {
    if functional {
        // i. Let replacement be ? ToString(? Call(replaceValue, undefined, « searchString,
        //    𝔽(position), string »)).
        let replacement = call(
            agent,
            replace_value,
            &Value::Undefined,
            &[
                Value::String(search_string.clone()),
                Value::Number(position as f64),
                Value::String(string.clone()),
            ],
        )?;
        to_string(agent, &replacement)
    } else {
        // ii. Assert: replaceValue is a String.
        // iii. Let captures be a new empty List.
        // iv. Let replacement be ! GetSubstitution(searchString, string, position,
        //     captures, undefined, replaceValue).
        let Value::String(template) = replace_value else {
            return Ok(JsString::default());
        };
        get_substitution(
            agent,
            search_string,
            string,
            position,
            &[],
            &Value::Undefined,
            template,
        )
    }
}

/// String.prototype.replace ( searchValue, replaceValue ) (22.1.3.19).
fn replace(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    require_object_coercible(agent, call.this)?;
    let search_value = call.arg(0);
    let mut replace_value = call.arg(1);
    // 2. If searchValue is an Object, then
    if search_value.is_object() {
        // a. Let replacer be ? GetMethod(searchValue, %Symbol.replace%).
        // b. If replacer is not undefined, then
        //    i. Return ? Call(replacer, searchValue, « O, replaceValue »).
        let symbol = agent.well_known.replace.clone();
        if let Some(result) = invoke_protocol_method(
            agent,
            &search_value,
            symbol,
            &[call.this.clone(), replace_value.clone()],
        )? {
            return Ok(result);
        }
    }
    // 3. Let string be ? ToString(O).
    let string = to_string(agent, call.this)?;
    // 4. Let searchString be ? ToString(searchValue).
    let search_string = to_string(agent, &search_value)?;
    // 5. Let functionalReplace be IsCallable(replaceValue).
    let functional_replace = is_callable(&replace_value);
    // 6. If functionalReplace is false, then
    //    a. Set replaceValue to ? ToString(replaceValue).
    if !functional_replace {
        replace_value = Value::String(to_string(agent, &replace_value)?);
    }
    // 7. Let searchLength be the length of searchString.
    let search_length = search_string.len();
    // 8. Let position be StringIndexOf(string, searchString, 0).
    // 9. If position is ~not-found~, return string.
    let Some(position) = string_index_of(string.units(), search_string.units(), 0) else {
        return Ok(Value::String(string));
    };
    // 10. Let preceding be the substring of string from 0 to position.
    // 11. Let following be the substring of string from position + searchLength.
    // 12. If functionalReplace is true, then ... 13. Else, ...
    let replacement = replacement_for(
        agent,
        &replace_value,
        functional_replace,
        &search_string,
        position,
        &string,
    )?;
    // 14. Return the string-concatenation of preceding, replacement, and following.
    let units = string.units();
    let mut out = Vec::with_capacity(units.len() + replacement.len());
    out.extend_from_slice(&units[..position]);
    out.extend_from_slice(replacement.units());
    out.extend_from_slice(&units[position + search_length..]);
    Ok(Value::String(JsString::from_vec(out)))
}

/// String.prototype.replaceAll ( searchValue, replaceValue ) (22.1.3.20).
fn replace_all(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    require_object_coercible(agent, call.this)?;
    let search_value = call.arg(0);
    let mut replace_value = call.arg(1);
    // 2. If searchValue is an Object, then
    if search_value.is_object() {
        // a-b. (A RegExp must have the g flag.)
        require_global_flag(agent, &search_value, "replaceAll")?;
        // c. Let replacer be ? GetMethod(searchValue, %Symbol.replace%).
        // d. If replacer is not undefined, then
        //    i. Return ? Call(replacer, searchValue, « O, replaceValue »).
        let symbol = agent.well_known.replace.clone();
        if let Some(result) = invoke_protocol_method(
            agent,
            &search_value,
            symbol,
            &[call.this.clone(), replace_value.clone()],
        )? {
            return Ok(result);
        }
    }
    // 3. Let string be ? ToString(O).
    let string = to_string(agent, call.this)?;
    // 4. Let searchString be ? ToString(searchValue).
    let search_string = to_string(agent, &search_value)?;
    // 5. Let functionalReplace be IsCallable(replaceValue).
    let functional_replace = is_callable(&replace_value);
    // 6. If functionalReplace is false, then
    //    a. Set replaceValue to ? ToString(replaceValue).
    if !functional_replace {
        replace_value = Value::String(to_string(agent, &replace_value)?);
    }
    // 7. Let searchLength be the length of searchString.
    let search_length = search_string.len();
    // 8. Let advanceBy be max(1, searchLength).
    let advance_by = search_length.max(1);
    // 9. Let matchPositions be a new empty List.
    let mut match_positions = Vec::new();
    // 10. Let position be StringIndexOf(string, searchString, 0).
    let mut position = string_index_of(string.units(), search_string.units(), 0);
    // 11. Repeat, while position is not ~not-found~,
    while let Some(p) = position {
        // a. Append position to matchPositions.
        match_positions.push(p);
        // b. Set position to StringIndexOf(string, searchString, position + advanceBy).
        position = string_index_of(string.units(), search_string.units(), p + advance_by);
    }
    // 12. Let endOfLastMatch be 0.
    let mut end_of_last_match = 0;
    // 13. Let result be the empty String.
    let mut result: Vec<u16> = Vec::new();
    let units = string.units();
    // 14. For each element p of matchPositions, do
    for p in match_positions {
        // a. Let preserved be the substring of string from endOfLastMatch to p.
        // b-c. Let replacement be ... (as in replace).
        let replacement = replacement_for(
            agent,
            &replace_value,
            functional_replace,
            &search_string,
            p,
            &string,
        )?;
        // d. Set result to the string-concatenation of result, preserved, and
        //    replacement.
        result.extend_from_slice(&units[end_of_last_match..p]);
        result.extend_from_slice(replacement.units());
        // e. Set endOfLastMatch to p + searchLength.
        end_of_last_match = p + search_length;
    }
    // 15. If endOfLastMatch < the length of string, then
    //     a. Set result to the string-concatenation of result and the substring of string
    //        from endOfLastMatch.
    if end_of_last_match < units.len() {
        result.extend_from_slice(&units[end_of_last_match..]);
    }
    // 16. Return result.
    Ok(Value::String(JsString::from_vec(result)))
}

/// String.prototype.search ( regexp ) (22.1.3.21).
fn search(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    require_object_coercible(agent, call.this)?;
    let regexp = call.arg(0);
    // 2. If regexp is an Object, then
    if regexp.is_object() {
        // a. Let searcher be ? GetMethod(regexp, %Symbol.search%).
        // b. If searcher is not undefined, then
        //    i. Return ? Call(searcher, regexp, « O »).
        let symbol = agent.well_known.search.clone();
        if let Some(result) =
            invoke_protocol_method(agent, &regexp, symbol, std::slice::from_ref(call.this))?
        {
            return Ok(result);
        }
    }
    // 3. Let string be ? ToString(O).
    let string = to_string(agent, call.this)?;
    // 4. Let rx be ? RegExpCreate(regexp, undefined).
    let rx = regexp_create(agent, &regexp, &Value::Undefined)?;
    // 5. Return ? Invoke(rx, %Symbol.search%, « string »).
    let key = PropertyKey::Symbol(agent.well_known.search.clone());
    invoke(agent, &Value::Object(rx), &key, &[Value::String(string)])
}

/// The relative index arithmetic of slice / substr: a negative index counts from `len`.
fn relative_start(int_start: f64, len: f64) -> f64 {
    if int_start == f64::NEG_INFINITY {
        0.0
    } else if int_start < 0.0 {
        (len + int_start).max(0.0)
    } else {
        int_start.min(len)
    }
}

/// String.prototype.slice ( start, end ) (22.1.3.22).
fn slice(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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

/// String.prototype.split ( separator, limit ) (22.1.3.23).
fn split(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    require_object_coercible(agent, call.this)?;
    let separator = call.arg(0);
    let limit = call.arg(1);
    // 2. If separator is an Object, then
    if separator.is_object() {
        // a. Let splitter be ? GetMethod(separator, %Symbol.split%).
        // b. If splitter is not undefined, then
        //    i. Return ? Call(splitter, separator, « O, limit »).
        let symbol = agent.well_known.split.clone();
        if let Some(result) = invoke_protocol_method(
            agent,
            &separator,
            symbol,
            &[call.this.clone(), limit.clone()],
        )? {
            return Ok(result);
        }
    }
    // 3. Let S be ? ToString(O).
    let s = to_string(agent, call.this)?;
    // 4. If limit is undefined, let lim be 2^32 - 1; else let lim be ℝ(? ToUint32(limit)).
    let lim = if limit.is_undefined() {
        u32::MAX
    } else {
        to_uint32(agent, &limit)?
    } as usize;
    // 5. Let R be ? ToString(separator).
    let r = to_string(agent, &separator)?;
    // 6. If lim = 0, then a. Return CreateArrayFromList(« »).
    if lim == 0 {
        return Ok(Value::Object(create_array_from_list(agent, Vec::new())));
    }
    // 7. If separator is undefined, then a. Return CreateArrayFromList(« S »).
    if separator.is_undefined() {
        return Ok(Value::Object(create_array_from_list(
            agent,
            vec![Value::String(s)],
        )));
    }
    // 8. Let separatorLength be the length of R.
    let separator_length = r.len();
    let units = s.units();
    // 9. If separatorLength = 0, then
    if separator_length == 0 {
        // a. Let strLen be the length of S.
        // b. Let outLen be the result of clamping lim between 0 and strLen.
        let out_len = lim.min(units.len());
        // c. Let head be the substring of S from 0 to outLen.
        // d. Let codeUnits be a List consisting of the sequence of code units that are the
        //    elements of head.
        // e. Return CreateArrayFromList(codeUnits).
        let code_units = units[..out_len]
            .iter()
            .map(|u| Value::String(JsString::from_units(&[*u])))
            .collect();
        return Ok(Value::Object(create_array_from_list(agent, code_units)));
    }
    // 10. If S is the empty String, return CreateArrayFromList(« S »).
    if s.is_empty() {
        return Ok(Value::Object(create_array_from_list(
            agent,
            vec![Value::String(s)],
        )));
    }
    // 11. Let substrings be a new empty List.
    let mut substrings = Vec::new();
    // 12. Let i be 0.
    let mut i = 0;
    // 13. Let j be StringIndexOf(S, R, 0).
    let mut j = string_index_of(units, r.units(), 0);
    // 14. Repeat, while j is not ~not-found~,
    while let Some(jj) = j {
        // a. Let T be the substring of S from i to j.
        // b. Append T to substrings.
        substrings.push(Value::String(s.substring(i, jj)));
        // c. If the number of elements in substrings is lim, return
        //    CreateArrayFromList(substrings).
        if substrings.len() == lim {
            return Ok(Value::Object(create_array_from_list(agent, substrings)));
        }
        // d. Set i to j + separatorLength.
        i = jj + separator_length;
        // e. Set j to StringIndexOf(S, R, i).
        j = string_index_of(units, r.units(), i);
    }
    // 15. Let T be the substring of S from i.
    // 16. Append T to substrings.
    substrings.push(Value::String(s.substring(i, units.len())));
    // 17. Return CreateArrayFromList(substrings).
    Ok(Value::Object(create_array_from_list(agent, substrings)))
}

/// String.prototype.startsWith ( searchString [ , position ] ) (22.1.3.24).
fn starts_with(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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

/// String.prototype.substring ( start, end ) (22.1.3.25).
fn substring(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
fn to_lower_case(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Let sText be StringToCodePoints(S).
    // 4. Let lowerText be toLowercase(sText), according to the Unicode Default Case
    //    Conversion algorithm.
    // 5. Let L be CodePointsToString(lowerText).
    // 6. Return L.
    Ok(Value::String(JsString::from_vec(map_well_formed_runs(
        s.units(),
        str::to_lowercase,
    ))))
}

/// String.prototype.toUpperCase ( ) (22.1.3.30); also toLocaleUpperCase (22.1.3.27).
fn to_upper_case(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    // It behaves in exactly the same way as String.prototype.toLowerCase, except that the
    // String is mapped using the toUppercase algorithm of the Unicode Default Case
    // Conversion.
    let s = this_string(agent, call)?;
    Ok(Value::String(JsString::from_vec(map_well_formed_runs(
        s.units(),
        str::to_uppercase,
    ))))
}

/// ThisStringValue ( value ) (22.1.3.35.1).
fn this_string_value(agent: &mut Agent, value: &Value, method: &str) -> JsResult<JsString> {
    // 1. If value is a String, return value.
    // 2. If value is an Object and value has a [[StringData]] internal slot, then
    //    a. Let s be value.[[StringData]]. b. Assert: s is a String. c. Return s.
    // 3. Throw a TypeError exception.
    let s = match value {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => match &o.data().kind {
            ObjectKind::String(s) => Some(s.clone()),
            _ => None,
        },
        _ => None,
    };
    s.ok_or_else(|| {
        brand_check_error(
            agent,
            InternalSlot::StringData,
            format_args!("String.prototype.{method}"),
        )
    })
}

/// String.prototype.toString ( ) (22.1.3.29).
fn to_string_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return ? ThisStringValue(this value).
    Ok(Value::String(this_string_value(
        agent, call.this, "toString",
    )?))
}

/// String.prototype.valueOf ( ) (22.1.3.35).
fn value_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return ? ThisStringValue(this value).
    Ok(Value::String(this_string_value(
        agent, call.this, "valueOf",
    )?))
}

/// String.prototype.toWellFormed ( ) (22.1.3.31).
fn to_well_formed(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
    // 1. Let str be ? RequireObjectCoercible(string).
    require_object_coercible(agent, string)?;
    // 2. Let S be ? ToString(str).
    let s = to_string(agent, string)?;
    let units = s.units();
    // 3. If where is ~start~, then a. Let T be the String value that is a copy of S with
    //    leading white space removed.
    // 4. Else if where is ~end~, then a. Let T be the String value that is a copy of S
    //    with trailing white space removed.
    // 5. Else, a. Assert: where is ~start+end~. b. Let T be the String value that is a
    //    copy of S with both leading and trailing white space removed.
    // 6. Return T.
    // (The definition of white space is the union of WhiteSpace and LineTerminator.)
    let start = if where_ == TrimWhere::End {
        0
    } else {
        units
            .iter()
            .position(|u| !is_trimmable(*u))
            .unwrap_or(units.len())
    };
    let end = if where_ == TrimWhere::Start {
        units.len()
    } else {
        units
            .iter()
            .rposition(|u| !is_trimmable(*u))
            .map_or(start, |i| i + 1)
    };
    Ok(Value::String(s.substring(start, end.max(start))))
}

/// String.prototype.trim ( ) (22.1.3.32).
fn trim(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let S be the this value.
    // 2. Return ? TrimString(S, ~start+end~).
    trim_string(agent, call.this, TrimWhere::StartAndEnd)
}

/// String.prototype.trimEnd ( ) (22.1.3.33).
fn trim_end(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let S be the this value.
    // 2. Return ? TrimString(S, ~end~).
    trim_string(agent, call.this, TrimWhere::End)
}

/// String.prototype.trimStart ( ) (22.1.3.34).
fn trim_start(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let S be the this value.
    // 2. Return ? TrimString(S, ~start~).
    trim_string(agent, call.this, TrimWhere::Start)
}

/// String.prototype [ %Symbol.iterator% ] ( ) (22.1.3.36).
fn iterator(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let s be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Let closure be a new Abstract Closure with no parameters that captures s and
    //    performs the following steps when called: ... (the steps are those of
    //    %StringIteratorPrototype%.next, over the iterator's [[IteratedString]] and
    //    position).
    // 4. Return CreateIteratorFromClosure(closure, "%StringIteratorPrototype%",
    //    %StringIteratorPrototype%).
    let proto = agent.intrinsic(Intrinsic::StringIteratorPrototype);
    Ok(Value::Object(ordinary_object_create_with(
        Some(proto),
        ObjectKind::StringIterator(s, 0),
    )))
}

/// %StringIteratorPrototype%.next ( ) (22.1.5.1.1): GeneratorResume(this value, empty,
/// "%StringIteratorPrototype%") running the closure of String.prototype [
/// %Symbol.iterator% ].
fn string_iterator_next(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let Value::Object(o) = call.this else {
        return Err(agent.type_error("%StringIteratorPrototype%.next called on a non-object"));
    };
    let state = match &o.data().kind {
        ObjectKind::StringIterator(s, position) => Some((s.clone(), *position)),
        _ => None,
    };
    let Some((s, position)) = state else {
        return Err(
            agent.type_error("%StringIteratorPrototype%.next called on an incompatible receiver")
        );
    };
    // a. Let len be the length of s.
    // b. Let position be 0.
    // c. Repeat, while position < len,
    if position < s.len() {
        // i. Let cp be CodePointAt(s, position).
        let cp = code_point_at(s.units(), position);
        // ii. Let nextIndex be position + cp.[[CodeUnitCount]].
        let next_index = position + cp.code_unit_count;
        // iii. Let resultString be the substring of s from position to nextIndex.
        let result_string = s.substring(position, next_index);
        // iv. Set position to nextIndex.
        if let ObjectKind::StringIterator(_, p) = &mut o.data_mut().kind {
            *p = next_index;
        }
        // v. Perform ? GeneratorYield(CreateIteratorResultObject(resultString, false)).
        return Ok(Value::Object(create_iterator_result_object(
            agent,
            Value::String(result_string),
            false,
        )));
    }
    // d. Return NormalCompletion(unused).
    Ok(Value::Object(create_iterator_result_object(
        agent,
        Value::Undefined,
        true,
    )))
}

// ---------------------------------------------------------------------------------------
// Annex B.2.2 Additional Properties of the String.prototype Object
// ---------------------------------------------------------------------------------------

/// String.prototype.substr ( start, length ) (B.2.2.1).
fn substr(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Let size be the length of S.
    let size = s.len() as f64;
    // 4. Let intStart be ? ToIntegerOrInfinity(start).
    let int_start = to_integer_or_infinity(agent, &call.arg(0))?;
    // 5. If intStart = -∞, set intStart to 0.
    // 6. Else if intStart < 0, set intStart to max(size + intStart, 0).
    // 7. Else, set intStart to min(intStart, size).
    let int_start = relative_start(int_start, size);
    // 8. If length is undefined, let intLength be size; otherwise let intLength be ?
    //    ToIntegerOrInfinity(length).
    let length = call.arg(1);
    let int_length = if length.is_undefined() {
        size
    } else {
        to_integer_or_infinity(agent, &length)?
    };
    // 9. Set intLength to the result of clamping intLength between 0 and size.
    let int_length = int_length.max(0.0).min(size);
    // 10. Let intEnd be min(intStart + intLength, size).
    let int_end = (int_start + int_length).min(size);
    // 11. Return the substring of S from intStart to intEnd.
    Ok(Value::String(s.substring(
        int_start as usize,
        (int_end as usize).max(int_start as usize),
    )))
}

/// CreateHTML ( string, tag, attribute, value ) (B.2.2.2.1).
fn create_html(
    agent: &mut Agent,
    string: &Value,
    tag: &str,
    attribute: Option<(&str, &Value)>,
) -> JsResult<Value> {
    // 1. Let str be ? RequireObjectCoercible(string).
    require_object_coercible(agent, string)?;
    // 2. Let S be ? ToString(str).
    let s = to_string(agent, string)?;
    // 3. Let p1 be the string-concatenation of "<" and tag.
    let mut p1: Vec<u16> = format!("<{tag}").encode_utf16().collect();
    // 4. If attribute is not the empty String, then
    if let Some((attribute, value)) = attribute {
        // a. Let V be ? ToString(value).
        let v = to_string(agent, value)?;
        // b. Let escapedV be the String value that is the same as V except that each
        //    occurrence of the code unit 0x0022 (QUOTATION MARK) in V has been replaced
        //    with the six code unit sequence "&quot;".
        // c. Set p1 to the string-concatenation of: p1, the code unit 0x0020 (SPACE),
        //    attribute, the code unit 0x003D (EQUALS SIGN), the code unit 0x0022
        //    (QUOTATION MARK), escapedV, the code unit 0x0022 (QUOTATION MARK).
        p1.extend(format!(" {attribute}=\"").encode_utf16());
        for &u in v.units() {
            if u == u16::from(b'"') {
                p1.extend("&quot;".encode_utf16());
            } else {
                p1.push(u);
            }
        }
        p1.push(u16::from(b'"'));
    }
    // 5. Let p2 be the string-concatenation of p1 and ">".
    // 6. Let p3 be the string-concatenation of p2 and S.
    // 7. Let p4 be the string-concatenation of p3, "</", tag, and ">".
    // 8. Return p4.
    p1.push(u16::from(b'>'));
    p1.extend_from_slice(s.units());
    p1.extend(format!("</{tag}>").encode_utf16());
    Ok(Value::String(JsString::from_vec(p1)))
}

macro_rules! html_methods {
    ($($fn_name:ident => $tag:literal $(, $attribute:literal)?);* $(;)?) => {
        $(
            /// An Annex B HTML method (B.2.2.2-B.2.2.14): CreateHTML(this value, tag,
            /// attribute, value).
            fn $fn_name(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
                #[allow(unused_variables)]
                let value = call.arg(0);
                #[allow(unused_mut, unused_assignments)]
                let mut attribute: Option<(&str, &Value)> = None;
                $(attribute = Some(($attribute, &value));)?
                create_html(agent, call.this, $tag, attribute)
            }
        )*
    };
}

html_methods! {
    anchor => "a", "name";
    big => "big";
    blink => "blink";
    bold => "b";
    fixed => "tt";
    fontcolor => "font", "color";
    fontsize => "font", "size";
    italics => "i";
    link => "a", "href";
    small => "small";
    strike => "strike";
    sub => "sub";
    sup => "sup";
}

/// Creates %String% (22.1.2), the methods of %String.prototype% (22.1.3) and
/// %StringIteratorPrototype% (22.1.5.1).
pub fn create_string_intrinsics(agent: &mut Agent, realm: &Realm) {
    let prototype = realm.intrinsic(Intrinsic::StringPrototype);
    let string = define_constructor(
        agent,
        realm,
        Intrinsic::String,
        "String",
        1,
        string_constructor,
        &prototype,
        None,
    );
    define_method(agent, &string, "fromCharCode", 1, from_char_code);
    define_method(agent, &string, "fromCodePoint", 1, from_code_point);
    define_method(agent, &string, "raw", 1, raw);

    let methods: &[(&str, u32, crate::spec::builtin_function_objects::Behaviour)] = &[
        ("at", 1, at),
        ("charAt", 1, char_at),
        ("charCodeAt", 1, char_code_at),
        ("codePointAt", 1, code_point_at_method),
        ("concat", 1, concat),
        ("endsWith", 1, ends_with),
        ("includes", 1, includes),
        ("indexOf", 1, index_of),
        ("isWellFormed", 0, is_well_formed),
        ("lastIndexOf", 1, last_index_of),
        ("localeCompare", 1, locale_compare),
        ("match", 1, match_method),
        ("matchAll", 1, match_all),
        ("normalize", 0, normalize),
        ("padEnd", 1, pad_end),
        ("padStart", 1, pad_start),
        ("repeat", 1, repeat),
        ("replace", 2, replace),
        ("replaceAll", 2, replace_all),
        ("search", 1, search),
        ("slice", 2, slice),
        ("split", 2, split),
        ("startsWith", 1, starts_with),
        ("substring", 2, substring),
        ("toLocaleLowerCase", 0, to_lower_case),
        ("toLocaleUpperCase", 0, to_upper_case),
        ("toLowerCase", 0, to_lower_case),
        ("toString", 0, to_string_method),
        ("toUpperCase", 0, to_upper_case),
        ("toWellFormed", 0, to_well_formed),
        ("trim", 0, trim),
        ("valueOf", 0, value_of),
        // B.2.2.1 and the HTML methods B.2.2.2-B.2.2.14.
        ("substr", 2, substr),
        ("anchor", 1, anchor),
        ("big", 0, big),
        ("blink", 0, blink),
        ("bold", 0, bold),
        ("fixed", 0, fixed),
        ("fontcolor", 1, fontcolor),
        ("fontsize", 1, fontsize),
        ("italics", 0, italics),
        ("link", 1, link),
        ("small", 0, small),
        ("strike", 0, strike),
        ("sub", 0, sub),
        ("sup", 0, sup),
    ];
    for (name, length, behaviour) in methods {
        define_method(agent, &prototype, *name, *length, *behaviour);
    }
    // B.2.2.15 String.prototype.trimLeft / B.2.2.16 trimRight: "The initial value of the
    // "trimLeft" property is %String.prototype.trimStart%" (and trimRight is trimEnd).
    let trim_end_fn = define_method(agent, &prototype, "trimEnd", 0, trim_end);
    let trim_start_fn = define_method(agent, &prototype, "trimStart", 0, trim_start);
    define_value(
        &prototype,
        "trimLeft",
        Value::Object(trim_start_fn),
        true,
        false,
        true,
    );
    define_value(
        &prototype,
        "trimRight",
        Value::Object(trim_end_fn),
        true,
        false,
        true,
    );
    let iterator_key = PropertyKey::Symbol(agent.well_known.iterator.clone());
    define_method(agent, &prototype, iterator_key, 0, iterator);

    // 22.1.5.1 The %StringIteratorPrototype% Object.
    let string_iterator_prototype = realm.intrinsic(Intrinsic::StringIteratorPrototype);
    define_method(
        agent,
        &string_iterator_prototype,
        "next",
        0,
        string_iterator_next,
    );
    // 22.1.5.1.2 %StringIteratorPrototype% [ %Symbol.toStringTag% ]: "String Iterator",
    // { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(
        &string_iterator_prototype,
        tag,
        Value::string("String Iterator"),
        false,
        false,
        true,
    );
}

/// "Let m be ? GetMethod(value, symbol). If m is not undefined, return ? Call(m, value,
/// args)": how match, matchAll, replace, replaceAll, search and split defer to the
/// protocol method of an object argument. `None` when there is no such method.
fn invoke_protocol_method(
    agent: &mut Agent,
    value: &Value,
    symbol: crate::spec::symbol_type::Symbol,
    args: &[Value],
) -> JsResult<Option<Value>> {
    let key = PropertyKey::Symbol(symbol);
    match get_method(agent, value, &key)? {
        Some(method) => Ok(Some(call_fn(agent, &method, value, args)?)),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn string_index_of_follows_the_steps() {
        assert_eq!(string_index_of(&units("abcabc"), &units("c"), 3), Some(5));
        assert_eq!(string_index_of(&units("abc"), &units(""), 3), Some(3));
        assert_eq!(string_index_of(&units("abc"), &units(""), 4), None);
        assert_eq!(string_index_of(&units("ab"), &units("abc"), 0), None);
    }

    #[test]
    fn case_mapping_keeps_lone_surrogates() {
        let mut s = units("aß");
        s.push(0xD800);
        s.extend(units("Σ"));
        let upper = map_well_formed_runs(&s, str::to_uppercase);
        let mut expected = units("ASS");
        expected.push(0xD800);
        expected.extend(units("Σ"));
        assert_eq!(upper, expected);
    }
}
