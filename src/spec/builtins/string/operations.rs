//! The String operations the methods of 22.1 share, and that RegExp (22.2) uses too:
//! StringIndexOf (6.1.4.1, in string_type.rs), CodePointAt (11.1.4),
//! UTF16SurrogatePairToCodePoint (11.1.3), IsStringWellFormedUnicode (7.2.7, in
//! testing_and_comparison.rs),
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
    crate::step!("sec-codepointat", "1");
    let size = string.len();
    // 2. Assert: position ≥ 0 and position < size.
    crate::spec_assert!("sec-codepointat", "2", position < size);
    // 3. Let first be the code unit at index position within string.
    crate::step!("sec-codepointat", "3");
    let first = string[position];
    // 4. Let cp be the code point whose numeric value is the numeric value of first.
    crate::step!("sec-codepointat", "4");
    let cp = u32::from(first);
    // 5. If first is neither a leading surrogate nor a trailing surrogate, then
    crate::step!("sec-codepointat", "5");
    if !is_leading_surrogate(first) && !is_trailing_surrogate(first) {
        // a. Return the Record { [[CodePoint]]: cp, [[CodeUnitCount]]: 1,
        //    [[IsUnpairedSurrogate]]: false }.
        crate::step!("sec-codepointat", "5.a");
        return CodePointRecord {
            code_point: cp,
            code_unit_count: 1,
            is_unpaired_surrogate: false,
        };
    }
    let unpaired = CodePointRecord {
        code_point: cp,
        code_unit_count: 1,
        is_unpaired_surrogate: true,
    };
    // 6. If first is a trailing surrogate or position + 1 = size, then
    crate::step!("sec-codepointat", "6");
    if is_trailing_surrogate(first) || position + 1 == size {
        // a. Return the Record { [[CodePoint]]: cp, [[CodeUnitCount]]: 1,
        //    [[IsUnpairedSurrogate]]: true }.
        crate::step!("sec-codepointat", "6.a");
        return unpaired;
    }
    // 7. Let second be the code unit at index position + 1 within string.
    crate::step!("sec-codepointat", "7");
    let second = string[position + 1];
    // 8. If second is not a trailing surrogate, then
    crate::step!("sec-codepointat", "8");
    if !is_trailing_surrogate(second) {
        // a. Return the Record { [[CodePoint]]: cp, [[CodeUnitCount]]: 1,
        //    [[IsUnpairedSurrogate]]: true }.
        crate::step!("sec-codepointat", "8.a");
        return unpaired;
    }
    // 9. Set cp to UTF16SurrogatePairToCodePoint(first, second).
    crate::step!("sec-codepointat", "9");
    let cp = utf16_surrogate_pair_to_code_point(first, second);
    // 10. Return the Record { [[CodePoint]]: cp, [[CodeUnitCount]]: 2,
    //     [[IsUnpairedSurrogate]]: false }.
    crate::step!("sec-codepointat", "10");
    CodePointRecord {
        code_point: cp,
        code_unit_count: 2,
        is_unpaired_surrogate: false,
    }
}

/// UTF16SurrogatePairToCodePoint ( lead, trail ) (11.1.3).
pub fn utf16_surrogate_pair_to_code_point(lead: u16, trail: u16) -> u32 {
    // 1. Assert: lead is a leading surrogate and trail is a trailing surrogate.
    crate::spec_assert!(
        "sec-utf16decodesurrogatepair",
        "1",
        is_leading_surrogate(lead) && is_trailing_surrogate(trail)
    );
    // 2. Let cp be (lead - 0xD800) × 0x400 + (trail - 0xDC00) + 0x10000.
    crate::step!("sec-utf16decodesurrogatepair", "2");
    let cp = (u32::from(lead) - 0xD800) * 0x400 + (u32::from(trail) - 0xDC00) + 0x10000;
    // 3. Return the code point cp.
    crate::step!("sec-utf16decodesurrogatepair", "3");
    cp
}

pub(super) use crate::spec::testing_and_comparison::is_string_well_formed_unicode;

/// UTF16EncodeCodePoint ( cp ) (11.1.1), appended to `out`.
pub(super) fn utf16_encode_code_point(cp: u32, out: &mut Vec<u16>) {
    // 1. Assert: 0 ≤ cp ≤ 0x10FFFF.
    crate::spec_assert!("sec-utf16encodecodepoint", "1", cp <= 0x10FFFF);
    // 2. If cp ≤ 0xFFFF, return the String value consisting of the code unit whose
    //    numeric value is cp.
    crate::step!("sec-utf16encodecodepoint", "2");
    if cp <= 0xFFFF {
        out.push(cp as u16);
        return;
    }
    // 3. Let cu1 be the code unit whose numeric value is floor((cp - 0x10000) / 0x400) +
    //    0xD800.
    crate::step!("sec-utf16encodecodepoint", "3");
    let cu1 = ((cp - 0x10000) / 0x400 + 0xD800) as u16;
    // 4. Let cu2 be the code unit whose numeric value is ((cp - 0x10000) modulo 0x400) +
    //    0xDC00.
    crate::step!("sec-utf16encodecodepoint", "4");
    let cu2 = ((cp - 0x10000) % 0x400 + 0xDC00) as u16;
    // 5. Return the string-concatenation of cu1 and cu2.
    crate::step!("sec-utf16encodecodepoint", "5");
    out.push(cu1);
    out.push(cu2);
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
/// replacementTemplate ) (22.1.3.19.1). `captures` holds Strings and undefined. Each
/// branch of step 5 appends its refReplacement to result as soon as it is known (step k).
#[allow(clippy::blocks_in_conditions)] // the markers of the "Else if" steps
#[crate::trace::checks_tracing_once]
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
    // (With tracing off, a template without "$" is its own replacement: step 5.h for each
    // of its code units.)
    if !crate::trace::enabled() && !replacement_template.units().contains(&dollar) {
        return Ok(replacement_template.clone());
    }
    let is_digit = |u: u16| (u16::from(b'0')..=u16::from(b'9')).contains(&u);
    // 1. Let stringLength be the length of str.
    crate::step!("sec-getsubstitution", "1");
    let string_length = str_units.len();
    // 2. Assert: position ≤ stringLength.
    crate::spec_assert!("sec-getsubstitution", "2", position <= string_length);
    // 3. Let result be the empty String.
    crate::step!("sec-getsubstitution", "3");
    let mut result = StringBuilder::new();
    // 4. Let templateRemainder be replacementTemplate.
    crate::step!("sec-getsubstitution", "4");
    let mut template_remainder = replacement_template.units();
    // 5. Repeat, while templateRemainder is not the empty String,
    crate::step!("sec-getsubstitution", "5");
    while !template_remainder.is_empty() {
        // a. NOTE: The following steps isolate ref (a prefix of templateRemainder),
        //    determine refReplacement (its replacement), and then append that replacement
        //    to result.
        crate::step!("sec-getsubstitution", "5.a");
        let at = |i: usize| template_remainder.get(i).copied().unwrap_or(0);
        // b. If templateRemainder starts with "$$", then
        crate::step!("sec-getsubstitution", "5.b");
        let ref_length: usize = if at(0) == dollar && at(1) == dollar {
            // i. Let ref be "$$".
            crate::step!("sec-getsubstitution", "5.b.i");
            // ii. Let refReplacement be "$".
            crate::step!("sec-getsubstitution", "5.b.ii");
            result.push(dollar).or_throw(agent)?;
            2
        } else if {
            // c. Else if templateRemainder starts with "$`", then
            crate::step!("sec-getsubstitution", "5.c");
            at(0) == dollar && at(1) == u16::from(b'`')
        } {
            // i. Let ref be "$`".
            crate::step!("sec-getsubstitution", "5.c.i");
            // ii. Let refReplacement be the substring of str from 0 to position.
            crate::step!("sec-getsubstitution", "5.c.ii");
            result
                .extend(&str_units[..position.min(string_length)])
                .or_throw(agent)?;
            2
        } else if {
            // d. Else if templateRemainder starts with "$&", then
            crate::step!("sec-getsubstitution", "5.d");
            at(0) == dollar && at(1) == u16::from(b'&')
        } {
            // i. Let ref be "$&".
            crate::step!("sec-getsubstitution", "5.d.i");
            // ii. Let refReplacement be matched.
            crate::step!("sec-getsubstitution", "5.d.ii");
            result.extend(matched.units()).or_throw(agent)?;
            2
        } else if {
            // e. Else if templateRemainder starts with "$'" (0x0024 (DOLLAR SIGN) followed
            //    by 0x0027 (APOSTROPHE)), then
            crate::step!("sec-getsubstitution", "5.e");
            at(0) == dollar && at(1) == u16::from(b'\'')
        } {
            // i. Let ref be "$'".
            crate::step!("sec-getsubstitution", "5.e.i");
            // ii. Let matchLength be the length of matched.
            crate::step!("sec-getsubstitution", "5.e.ii");
            let match_length = matched.len();
            // iii. Let tailPos be position + matchLength.
            crate::step!("sec-getsubstitution", "5.e.iii");
            let tail_pos = position + match_length;
            // iv. Let refReplacement be the substring of str from min(tailPos,
            //     stringLength).
            crate::step!("sec-getsubstitution", "5.e.iv");
            result
                .extend(&str_units[tail_pos.min(string_length)..])
                .or_throw(agent)?;
            // v. NOTE: tailPos can exceed stringLength only if this abstract operation was
            //    invoked by a call to the intrinsic %Symbol.replace% method of
            //    %RegExp.prototype% on an object whose "exec" property is not the
            //    intrinsic %RegExp.prototype.exec%.
            crate::step!("sec-getsubstitution", "5.e.v");
            2
        } else if {
            // f. Else if templateRemainder starts with "$" followed by 1 or more decimal
            //    digits, then
            crate::step!("sec-getsubstitution", "5.f");
            at(0) == dollar && is_digit(at(1))
        } {
            // i. If templateRemainder starts with "$" followed by 2 or more decimal digits,
            //    let digitCount be 2; otherwise let digitCount be 1.
            crate::step!("sec-getsubstitution", "5.f.i");
            let mut digit_count = if is_digit(at(2)) { 2 } else { 1 };
            // ii. Let digits be the substring of templateRemainder from 1 to 1 +
            //     digitCount.
            crate::step!("sec-getsubstitution", "5.f.ii");
            let mut digits = &template_remainder[1..1 + digit_count];
            // iii. Let index be ℝ(StringToNumber(digits)).
            crate::step!("sec-getsubstitution", "5.f.iii");
            let mut index = string_to_number(digits) as usize;
            // iv. Assert: 0 ≤ index ≤ 99.
            crate::spec_assert!("sec-getsubstitution", "5.f.iv", index <= 99);
            // v. Let captureLen be the number of elements in captures.
            crate::step!("sec-getsubstitution", "5.f.v");
            let capture_len = captures.len();
            // vi. If index > captureLen and digitCount = 2, then
            crate::step!("sec-getsubstitution", "5.f.vi");
            if index > capture_len && digit_count == 2 {
                // 1. NOTE: When a two-digit replacement pattern specifies an index
                //    exceeding the count of capturing groups, it is treated as a one-digit
                //    replacement pattern followed by a literal digit.
                crate::step!("sec-getsubstitution", "5.f.vi.1");
                // 2. Set digitCount to 1.
                crate::step!("sec-getsubstitution", "5.f.vi.2");
                digit_count = 1;
                // 3. Set digits to the substring of digits from 0 to 1.
                crate::step!("sec-getsubstitution", "5.f.vi.3");
                digits = &digits[..1];
                // 4. Set index to ℝ(StringToNumber(digits)).
                crate::step!("sec-getsubstitution", "5.f.vi.4");
                index = string_to_number(digits) as usize;
            }
            // vii. Let ref be the substring of templateRemainder from 0 to 1 + digitCount.
            crate::step!("sec-getsubstitution", "5.f.vii");
            let ref_length = 1 + digit_count;
            // viii. If 1 ≤ index ≤ captureLen, then
            crate::step!("sec-getsubstitution", "5.f.viii");
            if (1..=capture_len).contains(&index) {
                // 1. Let capture be captures[index - 1].
                crate::step!("sec-getsubstitution", "5.f.viii.1");
                let capture = &captures[index - 1];
                // 2. If capture is undefined, then
                crate::step!("sec-getsubstitution", "5.f.viii.2");
                if let Value::String(capture) = capture {
                    // 3. Else,
                    crate::step!("sec-getsubstitution", "5.f.viii.3");
                    // a. Let refReplacement be capture.
                    crate::step!("sec-getsubstitution", "5.f.viii.3.a");
                    result.extend(capture.units()).or_throw(agent)?;
                } else {
                    // a. Let refReplacement be the empty String.
                    crate::step!("sec-getsubstitution", "5.f.viii.2.a");
                }
            } else {
                // ix. Else,
                crate::step!("sec-getsubstitution", "5.f.ix");
                // 1. Let refReplacement be ref.
                crate::step!("sec-getsubstitution", "5.f.ix.1");
                result
                    .extend(&template_remainder[..ref_length])
                    .or_throw(agent)?;
            }
            ref_length
        } else if {
            // g. Else if templateRemainder starts with "$<", then
            crate::step!("sec-getsubstitution", "5.g");
            at(0) == dollar && at(1) == u16::from(b'<')
        } {
            // i. Let gtPos be StringIndexOf(templateRemainder, ">", 0).
            crate::step!("sec-getsubstitution", "5.g.i");
            let gt_pos = string_index_of(template_remainder, &[u16::from(b'>')], 0);
            // ii. If gtPos is not-found or namedCaptures is undefined, then
            crate::step!("sec-getsubstitution", "5.g.ii");
            match gt_pos {
                Some(gt_pos) if !named_captures.is_undefined() => {
                    // iii. Else,
                    crate::step!("sec-getsubstitution", "5.g.iii");
                    // 1. Let ref be the substring of templateRemainder from 0 to gtPos +
                    //    1.
                    crate::step!("sec-getsubstitution", "5.g.iii.1");
                    let ref_length = gt_pos + 1;
                    // 2. Let groupName be the substring of templateRemainder from 2 to
                    //    gtPos.
                    crate::step!("sec-getsubstitution", "5.g.iii.2");
                    let group_name = JsString::from_units(&template_remainder[2..gt_pos]);
                    // 3. Assert: namedCaptures is an Object.
                    crate::spec_assert!(
                        "sec-getsubstitution",
                        "5.g.iii.3",
                        named_captures.is_object()
                    );
                    let named = to_object(agent, named_captures)?;
                    // 4. Let capture be ? Get(namedCaptures, groupName).
                    crate::step!("sec-getsubstitution", "5.g.iii.4");
                    let capture = get(agent, &named, &PropertyKey::from_string(group_name))?;
                    // 5. If capture is undefined, then
                    crate::step!("sec-getsubstitution", "5.g.iii.5");
                    if capture.is_undefined() {
                        // a. Let refReplacement be the empty String.
                        crate::step!("sec-getsubstitution", "5.g.iii.5.a");
                    } else {
                        // 6. Else,
                        crate::step!("sec-getsubstitution", "5.g.iii.6");
                        // a. Let refReplacement be ? ToString(capture).
                        crate::step!("sec-getsubstitution", "5.g.iii.6.a");
                        let capture = to_string(agent, &capture)?;
                        result.extend(capture.units()).or_throw(agent)?;
                    }
                    ref_length
                }
                _ => {
                    // 1. Let ref be "$<".
                    crate::step!("sec-getsubstitution", "5.g.ii.1");
                    // 2. Let refReplacement be ref.
                    crate::step!("sec-getsubstitution", "5.g.ii.2");
                    result.extend(&template_remainder[..2]).or_throw(agent)?;
                    2
                }
            }
        } else {
            // h. Else,
            crate::step!("sec-getsubstitution", "5.h");
            // i. Let ref be the substring of templateRemainder from 0 to 1.
            crate::step!("sec-getsubstitution", "5.h.i");
            // ii. Let refReplacement be ref.
            crate::step!("sec-getsubstitution", "5.h.ii");
            result.push(template_remainder[0]).or_throw(agent)?;
            1
        };
        // i. Let refLength be the length of ref.
        crate::step!("sec-getsubstitution", "5.i");
        // j. Set templateRemainder to the substring of templateRemainder from refLength.
        crate::step!("sec-getsubstitution", "5.j");
        template_remainder = &template_remainder[ref_length..];
        // k. Set result to the string-concatenation of result and refReplacement.
        // (Done in the branch that determined refReplacement.)
        crate::step!("sec-getsubstitution", "5.k");
    }
    // 6. Return result.
    crate::step!("sec-getsubstitution", "6");
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
