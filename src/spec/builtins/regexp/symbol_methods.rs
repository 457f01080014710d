//! 22.2.6 Properties of the RegExp Prototype Object: the Symbol methods that
//! String.prototype.match / matchAll / replace / search / split defer to
//! (RegExp.prototype [ %Symbol.match% ], [ %Symbol.matchAll% ], [ %Symbol.replace% ],
//! [ %Symbol.search% ], [ %Symbol.split% ]) and the steps they share.

use super::matching::{advance_string_index, regexp_exec};
use super::prototype::this_object;
use crate::spec::agents::Agent;
use crate::spec::array_exotic_objects::array_create;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::builtins::string::operations::get_substitution;
use crate::spec::completion_record::JsResult;
use crate::spec::object_type::Object;
use crate::spec::operations_on_objects::{
    call as call_function, construct, create_array_from_list, create_data_property_or_throw, get,
    length_of_array_like, set, species_constructor,
};
use crate::spec::realms::Intrinsic;
use crate::spec::string_type::{JsString, OrThrow, StringBuilder};
use crate::spec::testing_and_comparison::{is_callable, same_value};
use crate::spec::type_conversion::{
    to_integer_or_infinity, to_length, to_object, to_string, to_uint32,
};
use crate::spec::value::Value;

/// Reads "flags" as the Symbol methods do: ? ToString(? Get(rx, "flags")).
fn get_flags_string(agent: &mut Agent, rx: &Object) -> JsResult<JsString> {
    let flags = get(agent, rx, &"flags".into())?;
    to_string(agent, &flags)
}

pub(super) fn contains(s: &JsString, c: char) -> bool {
    s.units().contains(&(c as u16))
}

/// ? ToString(? Get(result, "0")).
fn match_string(agent: &mut Agent, result: &Value) -> JsResult<JsString> {
    let result = to_object(agent, result)?;
    let matched = get(agent, &result, &"0".into())?;
    to_string(agent, &matched)
}

/// The steps the Symbol methods share after an empty match: "Let thisIndex be ℝ(?
/// ToLength(? Get(rx, "lastIndex"))). Let nextIndex be AdvanceStringIndex(S, thisIndex,
/// fullUnicode). Perform ? Set(rx, "lastIndex", 𝔽(nextIndex), true)."
pub fn advance_last_index(
    agent: &mut Agent,
    rx: &Object,
    s: &JsString,
    full_unicode: bool,
) -> JsResult<()> {
    let last_index = get(agent, rx, &"lastIndex".into())?;
    let this_index = to_length(agent, &last_index)?;
    let next_index = advance_string_index(s, this_index, full_unicode);
    set(
        agent,
        rx,
        &"lastIndex".into(),
        Value::Number(next_index as f64),
        true,
    )
}

/// RegExp.prototype [ %Symbol.match% ] ( string ) (22.2.6.8).
pub(super) fn symbol_match(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let rx be the this value.
    // 2. If rx is not an Object, throw a TypeError exception.
    let rx = this_object(agent, call, "[Symbol.match]")?;
    // 3. Let S be ? ToString(string).
    let s = to_string(agent, &call.arg(0))?;
    // 4. Let flags be ? ToString(? Get(rx, "flags")).
    let flags = get_flags_string(agent, &rx)?;
    // 5. If flags does not contain "g", then
    if !contains(&flags, 'g') {
        // a. Return ? RegExpExec(rx, S).
        return regexp_exec(agent, &rx, &s);
    }
    // 6. Else,
    //    a. If flags contains "u" or flags contains "v", let fullUnicode be true.
    //       Otherwise, let fullUnicode be false.
    let full_unicode = contains(&flags, 'u') || contains(&flags, 'v');
    //    b. Perform ? Set(rx, "lastIndex", +0𝔽, true).
    set(agent, &rx, &"lastIndex".into(), Value::Number(0.0), true)?;
    //    c. Let A be ! ArrayCreate(0).
    //    d. Let n be 0.
    let mut matches: Vec<Value> = Vec::new();
    //    e. Repeat,
    loop {
        agent.check_limits()?;
        // i. Let result be ? RegExpExec(rx, S).
        let result = regexp_exec(agent, &rx, &s)?;
        // ii. If result is null, then
        if matches!(result, Value::Null) {
            // 1. If n = 0, return null.
            if matches.is_empty() {
                return Ok(Value::Null);
            }
            // 2. Return A.
            return Ok(Value::Object(create_array_from_list(agent, matches)));
        }
        // iii. Else,
        //      1. Let matchStr be ? ToString(? Get(result, "0")).
        let match_str = match_string(agent, &result)?;
        //      3. If matchStr is the empty String, then
        //         a.-c. (advance lastIndex)
        let empty = match_str.is_empty();
        //      2. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(n)), matchStr).
        //      4. Set n to n + 1.
        matches.push(Value::String(match_str));
        if empty {
            advance_last_index(agent, &rx, &s, full_unicode)?;
        }
    }
}

/// RegExp.prototype [ %Symbol.matchAll% ] ( string ) (22.2.6.9).
pub(super) fn symbol_match_all(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let R be the this value.
    // 2. If R is not an Object, throw a TypeError exception.
    let r = this_object(agent, call, "[Symbol.matchAll]")?;
    // 3. Let S be ? ToString(string).
    let s = to_string(agent, &call.arg(0))?;
    // 4. Let C be ? SpeciesConstructor(R, %RegExp%).
    let default_constructor = agent.intrinsic(Intrinsic::RegExp);
    let c = species_constructor(agent, &r, &default_constructor)?;
    // 5. Let flags be ? ToString(? Get(R, "flags")).
    let flags = get_flags_string(agent, &r)?;
    // 6. Let matcher be ? Construct(C, « R, flags »).
    let matcher = construct(
        agent,
        &c,
        &[Value::Object(r.clone()), Value::String(flags.clone())],
        None,
    )?;
    // 7. Let lastIndex be ? ToLength(? Get(R, "lastIndex")).
    let last_index = get(agent, &r, &"lastIndex".into())?;
    let last_index = to_length(agent, &last_index)?;
    // 8. Perform ? Set(matcher, "lastIndex", lastIndex, true).
    set(
        agent,
        &matcher,
        &"lastIndex".into(),
        Value::Number(last_index as f64),
        true,
    )?;
    // 9. If flags contains "g", let global be true.
    // 10. Else, let global be false.
    let global = contains(&flags, 'g');
    // 11. If flags contains "u" or flags contains "v", let fullUnicode be true.
    // 12. Else, let fullUnicode be false.
    let full_unicode = contains(&flags, 'u') || contains(&flags, 'v');
    // 13. Return CreateRegExpStringIterator(matcher, S, global, fullUnicode).
    Ok(Value::Object(
        crate::spec::builtins::regexp_string_iterator::create_regexp_string_iterator(
            agent,
            matcher,
            s,
            global,
            full_unicode,
        ),
    ))
}

/// RegExp.prototype [ %Symbol.replace% ] ( string, replaceValue ) (22.2.6.11).
pub(super) fn symbol_replace(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let rx be the this value.
    // 2. If rx is not an Object, throw a TypeError exception.
    let rx = this_object(agent, call, "[Symbol.replace]")?;
    // 3. Let S be ? ToString(string).
    let s = to_string(agent, &call.arg(0))?;
    // 4. Let lengthS be the length of S.
    let length_s = s.len();
    // 5. Let functionalReplace be IsCallable(replaceValue).
    let mut replace_value = call.arg(1);
    let functional_replace = is_callable(&replace_value);
    // 6. If functionalReplace is false, then
    //    a. Set replaceValue to ? ToString(replaceValue).
    if !functional_replace {
        replace_value = Value::String(to_string(agent, &replace_value)?);
    }
    // 7. Let flags be ? ToString(? Get(rx, "flags")).
    let flags = get_flags_string(agent, &rx)?;
    // 8. If flags contains "g", let global be true. Otherwise, let global be false.
    let global = contains(&flags, 'g');
    // 9. If global is true, then
    //    a. If flags contains "u" or flags contains "v", let fullUnicode be true.
    //       Otherwise, let fullUnicode be false.
    let full_unicode = contains(&flags, 'u') || contains(&flags, 'v');
    if global {
        //    b. Perform ? Set(rx, "lastIndex", +0𝔽, true).
        set(agent, &rx, &"lastIndex".into(), Value::Number(0.0), true)?;
    }
    // 10. Let results be a new empty List.
    let mut results: Vec<Object> = Vec::new();
    // 11. Let done be false.
    // 12. Repeat, while done is false,
    loop {
        agent.check_limits()?;
        // a. Let result be ? RegExpExec(rx, S).
        let result = regexp_exec(agent, &rx, &s)?;
        // b. If result is null, then
        //    i. Set done to true.
        let Value::Object(result) = result else {
            break;
        };
        // c. Else,
        //    i. Append result to results.
        results.push(result.clone());
        //    ii. If global is false, then
        //        1. Set done to true.
        if !global {
            break;
        }
        //    iii. Else,
        //         1. Let matchStr be ? ToString(? Get(result, "0")).
        let match_str = match_string(agent, &Value::Object(result))?;
        //         2. If matchStr is the empty String, then
        //            a.-c. (advance lastIndex)
        if match_str.is_empty() {
            advance_last_index(agent, &rx, &s, full_unicode)?;
        }
    }
    // 13. Let accumulatedResult be the empty String.
    let mut accumulated_result = StringBuilder::new();
    // 14. Let nextSourcePosition be 0.
    let mut next_source_position: usize = 0;
    // 15. For each element result of results, do
    for result in results {
        agent.check_limits()?;
        // a. Let resultLength be ? LengthOfArrayLike(result).
        let result_length = length_of_array_like(agent, &result)?;
        // b. Let nCaptures be max(resultLength - 1, 0).
        let n_captures = result_length.saturating_sub(1);
        // c. Let matched be ? ToString(? Get(result, "0")).
        let matched = get(agent, &result, &"0".into())?;
        let matched = to_string(agent, &matched)?;
        // d. Let matchLength be the length of matched.
        let match_length = matched.len();
        // e. Let position be ? ToIntegerOrInfinity(? Get(result, "index")).
        let position = get(agent, &result, &"index".into())?;
        let position = to_integer_or_infinity(agent, &position)?;
        // f. Set position to the result of clamping position between 0 and lengthS.
        let position = position.max(0.0).min(length_s as f64) as usize;
        // g. Let captures be a new empty List.
        let mut captures: Vec<Value> = Vec::new();
        // h. Let n be 1.
        // i. Repeat, while n ≤ nCaptures,
        let mut n: u64 = 1;
        while n <= n_captures {
            // (nCaptures is the result's "length", which a user `exec` chooses: up to 2^53.)
            agent.check_limits()?;
            // i. Let capN be ? Get(result, ! ToString(𝔽(n))).
            let cap_n = get(
                agent,
                &result,
                &crate::spec::operations_on_objects::index_key(n),
            )?;
            // ii. If capN is not undefined, then
            //     1. Set capN to ? ToString(capN).
            let cap_n = if cap_n.is_undefined() {
                cap_n
            } else {
                Value::String(to_string(agent, &cap_n)?)
            };
            // iii. Append capN to captures.
            captures.push(cap_n);
            // v. Set n to n + 1.
            n += 1;
        }
        // j. Let namedCaptures be ? Get(result, "groups").
        let mut named_captures = get(agent, &result, &"groups".into())?;
        let replacement = if functional_replace {
            // k. If functionalReplace is true, then
            //    i. Let replacerArgs be the list-concatenation of « matched », captures,
            //       and « 𝔽(position), S ».
            let mut replacer_args = vec![Value::String(matched.clone())];
            replacer_args.extend(captures);
            replacer_args.push(Value::Number(position as f64));
            replacer_args.push(Value::String(s.clone()));
            //    ii. If namedCaptures is not undefined, then
            //        1. Append namedCaptures to replacerArgs.
            if !named_captures.is_undefined() {
                replacer_args.push(named_captures);
            }
            //    iii. Let replacementValue be ? Call(replaceValue, undefined,
            //         replacerArgs).
            let replacement_value =
                call_function(agent, &replace_value, &Value::Undefined, &replacer_args)?;
            //    iv. Let replacement be ? ToString(replacementValue).
            to_string(agent, &replacement_value)?
        } else {
            // l. Else,
            //    i. If namedCaptures is not undefined, then
            //       1. Set namedCaptures to ? ToObject(namedCaptures).
            if !named_captures.is_undefined() {
                named_captures = Value::Object(to_object(agent, &named_captures)?);
            }
            //    ii. Let replacement be ? GetSubstitution(matched, S, position, captures,
            //        namedCaptures, replaceValue).
            let Value::String(template) = &replace_value else {
                unreachable!("replaceValue was converted by step 6");
            };
            get_substitution(
                agent,
                &matched,
                &s,
                position,
                &captures,
                &named_captures,
                template,
            )?
        };
        // m. If position ≥ nextSourcePosition, then
        if position >= next_source_position {
            // i. NOTE: position should not normally move backwards. ...
            // ii. Set accumulatedResult to the string-concatenation of accumulatedResult,
            //     the substring of S from nextSourcePosition to position, and replacement.
            accumulated_result
                .extend(&s.units()[next_source_position..position])
                .or_throw(agent)?;
            accumulated_result
                .extend(replacement.units())
                .or_throw(agent)?;
            // iii. Set nextSourcePosition to position + matchLength.
            next_source_position = position + match_length;
        }
    }
    // 16. If nextSourcePosition ≥ lengthS, return accumulatedResult.
    // 17. Return the string-concatenation of accumulatedResult and the substring of S from
    //     nextSourcePosition.
    if next_source_position < length_s {
        accumulated_result
            .extend(&s.units()[next_source_position..])
            .or_throw(agent)?;
    }
    Ok(Value::String(accumulated_result.build()))
}

/// RegExp.prototype [ %Symbol.search% ] ( string ) (22.2.6.12).
pub(super) fn symbol_search(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let rx be the this value.
    // 2. If rx is not an Object, throw a TypeError exception.
    let rx = this_object(agent, call, "[Symbol.search]")?;
    // 3. Let S be ? ToString(string).
    let s = to_string(agent, &call.arg(0))?;
    // 4. Let previousLastIndex be ? Get(rx, "lastIndex").
    let previous_last_index = get(agent, &rx, &"lastIndex".into())?;
    // 5. If SameValue(previousLastIndex, +0𝔽) is false, then
    if !same_value(&previous_last_index, &Value::Number(0.0)) {
        // a. Perform ? Set(rx, "lastIndex", +0𝔽, true).
        set(agent, &rx, &"lastIndex".into(), Value::Number(0.0), true)?;
    }
    // 6. Let result be ? RegExpExec(rx, S).
    let result = regexp_exec(agent, &rx, &s)?;
    // 7. Let currentLastIndex be ? Get(rx, "lastIndex").
    let current_last_index = get(agent, &rx, &"lastIndex".into())?;
    // 8. If SameValue(currentLastIndex, previousLastIndex) is false, then
    if !same_value(&current_last_index, &previous_last_index) {
        // a. Perform ? Set(rx, "lastIndex", previousLastIndex, true).
        set(agent, &rx, &"lastIndex".into(), previous_last_index, true)?;
    }
    // 9. If result is null, return -1𝔽.
    // 10. Return ? Get(result, "index").
    match result {
        Value::Object(result) => get(agent, &result, &"index".into()),
        _ => Ok(Value::Number(-1.0)),
    }
}

/// RegExp.prototype [ %Symbol.split% ] ( string, limit ) (22.2.6.14).
pub(super) fn symbol_split(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let rx be the this value.
    // 2. If rx is not an Object, throw a TypeError exception.
    let rx = this_object(agent, call, "[Symbol.split]")?;
    // 3. Let S be ? ToString(string).
    let s = to_string(agent, &call.arg(0))?;
    // 4. Let C be ? SpeciesConstructor(rx, %RegExp%).
    let default_constructor = agent.intrinsic(Intrinsic::RegExp);
    let c = species_constructor(agent, &rx, &default_constructor)?;
    // 5. Let flags be ? ToString(? Get(rx, "flags")).
    let flags = get_flags_string(agent, &rx)?;
    // 6. If flags contains "u" or flags contains "v", let unicodeMatching be true.
    // 7. Else, let unicodeMatching be false.
    let unicode_matching = contains(&flags, 'u') || contains(&flags, 'v');
    // 8. If flags contains "y", let newFlags be flags.
    // 9. Else, let newFlags be the string-concatenation of flags and "y".
    let new_flags = if contains(&flags, 'y') {
        flags
    } else {
        flags.concat_in(agent, &JsString::from("y"))?
    };
    // 10. Let splitter be ? Construct(C, « rx, newFlags »).
    let splitter = construct(
        agent,
        &c,
        &[Value::Object(rx.clone()), Value::String(new_flags)],
        None,
    )?;
    // 11. Let A be ! ArrayCreate(0).
    let a = array_create(agent, 0, None)?;
    // 12. Let lengthA be 0.
    let mut length_a: u64 = 0;
    // 13. If limit is undefined, let lim be 2^32 - 1; else let lim be ℝ(? ToUint32(limit)).
    let limit = call.arg(1);
    let lim: u64 = if limit.is_undefined() {
        u64::from(u32::MAX)
    } else {
        u64::from(to_uint32(agent, &limit)?)
    };
    // 14. If lim = 0, return A.
    if lim == 0 {
        return Ok(Value::Object(a));
    }
    // 15. If S is the empty String, then
    if s.is_empty() {
        // a. Let z be ? RegExpExec(splitter, S).
        let z = regexp_exec(agent, &splitter, &s)?;
        // b. If z is not null, return A.
        if !matches!(z, Value::Null) {
            return Ok(Value::Object(a));
        }
        // c. Perform ! CreateDataPropertyOrThrow(A, "0", S).
        create_data_property_or_throw(agent, &a, &"0".into(), Value::String(s))?;
        // d. Return A.
        return Ok(Value::Object(a));
    }
    // 16. Let size be the length of S.
    let size = s.len();
    // 17. Let p be 0.
    let mut p: usize = 0;
    // 18. Let q be p.
    let mut q: usize = p;
    let index_key = crate::spec::operations_on_objects::index_key;
    // 19. Repeat, while q < size,
    while q < size {
        agent.check_limits()?;
        // a. Perform ? Set(splitter, "lastIndex", 𝔽(q), true).
        set(
            agent,
            &splitter,
            &"lastIndex".into(),
            Value::Number(q as f64),
            true,
        )?;
        // b. Let z be ? RegExpExec(splitter, S).
        let z = regexp_exec(agent, &splitter, &s)?;
        // c. If z is null, then
        let Value::Object(z) = z else {
            // i. Set q to AdvanceStringIndex(S, q, unicodeMatching).
            q = advance_string_index(&s, q as u64, unicode_matching) as usize;
            continue;
        };
        // d. Else,
        //    i. Let e be ℝ(? ToLength(? Get(splitter, "lastIndex"))).
        let e = get(agent, &splitter, &"lastIndex".into())?;
        let e = to_length(agent, &e)?;
        //    ii. Set e to min(e, size).
        let e = e.min(size as u64) as usize;
        //    iii. If e = p, then
        if e == p {
            // 1. Set q to AdvanceStringIndex(S, q, unicodeMatching).
            q = advance_string_index(&s, q as u64, unicode_matching) as usize;
            continue;
        }
        //    iv. Else,
        //        1. Let T be the substring of S from p to q.
        let t = s.substring(p, q);
        //        2. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(lengthA)), T).
        create_data_property_or_throw(agent, &a, &index_key(length_a), Value::String(t))?;
        //        3. Set lengthA to lengthA + 1.
        length_a += 1;
        //        4. If lengthA = lim, return A.
        if length_a == lim {
            return Ok(Value::Object(a));
        }
        //        5. Set p to e.
        p = e;
        //        6. Let numberOfCaptures be ? LengthOfArrayLike(z).
        let number_of_captures = length_of_array_like(agent, &z)?;
        //        7. Set numberOfCaptures to max(numberOfCaptures - 1, 0).
        let number_of_captures = number_of_captures.saturating_sub(1);
        //        8. Let i be 1.
        //        9. Repeat, while i ≤ numberOfCaptures,
        let mut i: u64 = 1;
        while i <= number_of_captures {
            // (numberOfCaptures is the length of what a user `exec` returned: up to 2^53.)
            agent.check_limits()?;
            // a. Let nextCapture be ? Get(z, ! ToString(𝔽(i))).
            let next_capture = get(agent, &z, &index_key(i))?;
            // b. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(lengthA)),
            //    nextCapture).
            create_data_property_or_throw(agent, &a, &index_key(length_a), next_capture)?;
            // c. Set i to i + 1.
            i += 1;
            // d. Set lengthA to lengthA + 1.
            length_a += 1;
            // e. If lengthA = lim, return A.
            if length_a == lim {
                return Ok(Value::Object(a));
            }
        }
        //        10. Set q to p.
        q = p;
    }
    // 20. Let T be the substring of S from p to size.
    let t = s.substring(p, size);
    // 21. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(lengthA)), T).
    create_data_property_or_throw(agent, &a, &index_key(length_a), Value::String(t))?;
    // 22. Return A.
    Ok(Value::Object(a))
}
