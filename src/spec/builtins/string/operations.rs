//! The String operations the methods of 22.1 share, and that RegExp (22.2) uses too:
//! StringIndexOf (6.1.4.1, in string_type.rs), CodePointAt (11.1.4), IsStringWellFormedUnicode
//! (7.2.7, in testing_and_comparison.rs),
//! UTF16EncodeCodePoint (11.1.1), IsRegExp (7.2.8), GetSubstitution (22.1.3.19.1), and the
//! steps most methods begin with (RequireObjectCoercible and ToString of the this value).

use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::builtins::regexp::matcher::has_regexp_matcher;
use crate::spec::completion_record::JsResult;
use crate::spec::object_type::PropertyKey;
use crate::spec::operations_on_objects::get;
use crate::spec::string_type::{JsString, OrThrow, StringBuilder, StringError};
use crate::spec::testing_and_comparison::require_object_coercible;
use crate::spec::type_conversion::{string_to_number, to_boolean, to_object, to_string};
use crate::spec::value::Value;

pub use crate::spec::string_type::{string_index_of, string_last_index_of};

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

pub(super) use crate::spec::testing_and_comparison::is_string_well_formed_unicode;

/// UTF16EncodeCodePoint ( cp ) (11.1.1), appended to `out`.
pub(super) fn utf16_encode_code_point(cp: u32, out: &mut Vec<u16>) {
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

/// How long a well-formed run grows before [`map_well_formed_runs`] looks for a place to
/// cut it.
const RUN_CHUNK: usize = 1 << 16;

/// Whether a run may be cut between the code units `before` and `after` without changing
/// what case mapping or normalization makes of either side: both ASCII (starters that
/// compose with nothing before them) and neither Case_Ignorable (`'`, `.`, `:`, `^`,
/// `` ` ``), so that no Final_Sigma context crosses the cut.
fn is_safe_cut(before: u16, after: u16) -> bool {
    let plain = |u: u16| u < 0x80 && !matches!(u, 0x27 | 0x2E | 0x3A | 0x5E | 0x60);
    plain(before) && plain(after)
}

/// Applies `f` to each maximal well-formed run of `units` (as Rust text), appending what
/// it makes to `out`, and keeps lone surrogates as they are: the Unicode algorithms (case
/// conversion, normalization) work on code points, and a lone surrogate is a code point
/// they leave alone. A long run is given to `f` in pieces, cut where nothing can depend on
/// the other side ([`is_safe_cut`]), so that memory stays proportional to the result.
pub(super) fn map_well_formed_runs(
    units: &[u16],
    out: &mut StringBuilder,
    mut f: impl FnMut(&str, &mut StringBuilder) -> Result<(), StringError>,
) -> Result<(), StringError> {
    let mut run = String::new();
    let mut k = 0;
    while k < units.len() {
        let cp = code_point_at(units, k);
        if cp.is_unpaired_surrogate {
            f(&run, out)?;
            run.clear();
            out.push(units[k])?;
        } else if let Some(c) = char::from_u32(cp.code_point) {
            if run.len() >= RUN_CHUNK && k > 0 && is_safe_cut(units[k - 1], units[k]) {
                f(&run, out)?;
                run.clear();
            }
            run.push(c);
        }
        k += cp.code_unit_count;
    }
    f(&run, out)
}

/// [`map_well_formed_runs`] with a mapping of Rust text, as a new String.
pub(super) fn map_well_formed_text(
    units: &[u16],
    f: impl Fn(&str) -> String,
) -> Result<JsString, StringError> {
    let mut out = StringBuilder::with_capacity(units.len());
    map_well_formed_runs(units, &mut out, |run, out| out.push_str(&f(run)))?;
    Ok(out.build())
}

/// [`map_well_formed_runs`] with a mapping of Rust text to characters, as a new String:
/// the characters are appended as they come, so no whole mapped run is ever held.
pub(super) fn map_well_formed_chars(
    units: &[u16],
    f: impl for<'a> Fn(&'a str) -> Box<dyn Iterator<Item = char> + 'a>,
) -> Result<JsString, StringError> {
    let mut out = StringBuilder::with_capacity(units.len());
    map_well_formed_runs(units, &mut out, |run, out| {
        for c in f(run) {
            out.push_char(c)?;
        }
        Ok(())
    })?;
    Ok(out.build())
}

/// IsRegExp ( argument ) (7.2.8).
pub fn is_regexp(agent: &mut Agent, argument: &Value) -> JsResult<bool> {
    // 1. If argument is not an Object, return false.
    crate::step!("sec-isregexp", "1");
    let Value::Object(o) = argument else {
        return Ok(false);
    };
    // 2. Let matcher be ? Get(argument, %Symbol.match%).
    crate::step!("sec-isregexp", "2");
    let key = PropertyKey::Symbol(agent.well_known.match_.clone());
    let matcher = get(agent, o, &key)?;
    // 3. If matcher is not undefined, return ToBoolean(matcher).
    crate::step!("sec-isregexp", "3");
    if !matcher.is_undefined() {
        return Ok(to_boolean(&matcher));
    }
    // 4. If argument has a [[RegExpMatcher]] internal slot, return true.
    crate::step!("sec-isregexp", "4");
    if has_regexp_matcher(o) {
        return Ok(true);
    }
    // 5. Return false.
    crate::step!("sec-isregexp", "5");
    Ok(false)
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
    let mut result = StringBuilder::new();
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
            result.push(dollar).or_throw(agent)?;
        } else if at(0) == dollar && at(1) == u16::from(b'`') {
            // c. Else if templateRemainder starts with "$`", then
            //    i. Let ref be "$`".
            //    ii. Let refReplacement be the substring of str from 0 to position.
            ref_length = 2;
            result
                .extend(&str_units[..position.min(string_length)])
                .or_throw(agent)?;
        } else if at(0) == dollar && at(1) == u16::from(b'&') {
            // d. Else if templateRemainder starts with "$&", then
            //    i. Let ref be "$&". ii. Let refReplacement be matched.
            ref_length = 2;
            result.extend(matched.units()).or_throw(agent)?;
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
            result
                .extend(&str_units[tail_pos.min(string_length)..])
                .or_throw(agent)?;
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
                    result.extend(capture.units()).or_throw(agent)?;
                }
            } else {
                // ix. Else, 1. Let refReplacement be ref.
                result
                    .extend(&template_remainder[..ref_length])
                    .or_throw(agent)?;
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
                        result.extend(capture.units()).or_throw(agent)?;
                    }
                }
                _ => {
                    ref_length = 2;
                    result.extend(&template_remainder[..2]).or_throw(agent)?;
                }
            }
        } else {
            // h. Else,
            //    i. Let ref be the substring of templateRemainder from 0 to 1.
            //    ii. Let refReplacement be ref.
            ref_length = 1;
            result.push(template_remainder[0]).or_throw(agent)?;
        }
        // i. Let refLength be the length of ref.
        // j. Set templateRemainder to the substring of templateRemainder from refLength.
        // k. Set result to the string-concatenation of result and refReplacement.
        template_remainder = &template_remainder[ref_length..];
    }
    // 6. Return result.
    Ok(result.build())
}

/// Clamps an integer (or ±∞) between `lower` and `upper` (ℝ values as f64).
pub(super) fn clamp(value: f64, lower: f64, upper: f64) -> usize {
    value.max(lower).min(upper) as usize
}

/// Steps 1-2 shared by most methods: RequireObjectCoercible(this value), then ToString.
pub(super) fn this_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<JsString> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    require_object_coercible(agent, call.this)?;
    // 2. Let S be ? ToString(O).
    to_string(agent, call.this)
}
