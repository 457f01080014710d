//! 22.2.7 Abstract Operations for RegExp Matching: RegExpExec, RegExpBuiltinExec,
//! AdvanceStringIndex, MakeMatchIndicesIndexPairArray, GetMatchString, GetMatchIndexPair.

use super::matcher::{has_regexp_matcher, regexp_slots};
use super::symbol_methods::contains;
use crate::spec::agents::Agent;
use crate::spec::array_exotic_objects::array_create;
use crate::spec::builtins::string::operations::code_point_at;
use crate::spec::completion_record::JsResult;
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::{
    call as call_function, create_array_from_list, create_data_property_or_throw, get, set,
};
use crate::spec::ordinary_object_internal_methods::ordinary_object_create;
use crate::spec::string_type::JsString;
use crate::spec::testing_and_comparison::is_callable;
use crate::spec::type_conversion::to_length;
use crate::spec::value::Value;

/// RegExpExec ( R, S ) (22.2.7.1).
#[crate::trace::checks_tracing_once]
pub fn regexp_exec(agent: &mut Agent, r: &Object, s: &JsString) -> JsResult<Value> {
    // 1. Let exec be ? Get(R, "exec").
    crate::step!("sec-regexpexec", "1");
    let exec = get(agent, r, &"exec".into())?;
    // 2. If IsCallable(exec) is true, then
    crate::step!("sec-regexpexec", "2");
    if is_callable(&exec) {
        // a. Let result be ? Call(exec, R, « S »).
        crate::step!("sec-regexpexec", "2.a");
        let result = call_function(
            agent,
            &exec,
            &Value::Object(r.clone()),
            &[Value::String(s.clone())],
        )?;
        // b. If result is not an Object and result is not null, throw a TypeError
        //    exception.
        crate::step!("sec-regexpexec", "2.b");
        if !result.is_object() && !matches!(result, Value::Null) {
            return Err(agent
                .type_error("RegExp exec method returned something other than an Object or null"));
        }
        // c. Return result.
        crate::step!("sec-regexpexec", "2.c");
        return Ok(result);
    }
    // 3. Perform ? RequireInternalSlot(R, [[RegExpMatcher]]).
    crate::step!("sec-regexpexec", "3");
    if !has_regexp_matcher(r) {
        return Err(agent.type_error(
            "RegExpExec called on an object that is not a RegExp and has no callable exec",
        ));
    }
    // 4. Return ? RegExpBuiltinExec(R, S).
    crate::step!("sec-regexpexec", "4");
    regexp_builtin_exec(agent, r, s)
}

/// RegExpBuiltinExec ( R, S ) (22.2.7.2).
pub fn regexp_builtin_exec(agent: &mut Agent, r: &Object, s: &JsString) -> JsResult<Value> {
    // 1. Let length be the length of S.
    let length = s.len();
    // 2. Let lastIndex be ℝ(? ToLength(! Get(R, "lastIndex"))).
    let last_index = get(agent, r, &"lastIndex".into())?;
    let mut last_index = to_length(agent, &last_index)?;
    let Some((_, flags, matcher)) = regexp_slots(r) else {
        return Err(agent.type_error("RegExp object is not initialized"));
    };
    // 3. Let flags be R.[[OriginalFlags]].
    // 4. If flags contains "g", let global be true; else let global be false.
    let global = contains(&flags, 'g');
    // 5. If flags contains "y", let sticky be true; else let sticky be false.
    let sticky = contains(&flags, 'y');
    // 6. If flags contains "d", let hasIndices be true; else let hasIndices be false.
    let has_indices = contains(&flags, 'd');
    // 7. If global is false and sticky is false, set lastIndex to 0.
    if !global && !sticky {
        last_index = 0;
    }
    // 8. Let matcher be R.[[RegExpMatcher]].
    // 9. If flags contains "u" or flags contains "v", let fullUnicode be true; else let
    //    fullUnicode be false.
    let full_unicode = contains(&flags, 'u') || contains(&flags, 'v');
    // 10. Let matchSucceeded be false.
    // 11. If fullUnicode is true, let input be StringToCodePoints(S). Otherwise, let input
    //     be a List whose elements are the code units that are the elements of S.
    // 12. NOTE: Each element of input is considered to be a character.
    let units = s.units();
    // 13. Repeat, while matchSucceeded is false,
    //     a. If lastIndex > length, then
    if last_index > length as u64 {
        // i. If global is true or sticky is true, then
        //    1. Perform ? Set(R, "lastIndex", +0𝔽, true).
        if global || sticky {
            set(agent, r, &"lastIndex".into(), Value::Number(0.0), true)?;
        }
        // ii. Return null.
        return Ok(Value::Null);
    }
    let mut last_index = last_index as usize;
    //     b. Let inputIndex be the index into input of the character that was obtained
    //        from element lastIndex of S. (With fullUnicode, an index inside a surrogate
    //        pair is that of the pair's code point, which starts one code unit before.)
    let input_index = if full_unicode
        && last_index > 0
        && last_index < length
        && (0xD800..=0xDBFF).contains(&units[last_index - 1])
        && (0xDC00..=0xDFFF).contains(&units[last_index])
    {
        last_index - 1
    } else {
        last_index
    };
    //     c. Let r be matcher(input, inputIndex).
    //     d. If r is failure, then
    //        i. If sticky is true, then
    //           1. Perform ? Set(R, "lastIndex", +0𝔽, true).
    //           2. Return null.
    //        ii. Set lastIndex to AdvanceStringIndex(S, lastIndex, fullUnicode).
    //     e. Else,
    //        i. Assert: r is a MatchState.
    //        ii. Set matchSucceeded to true.
    //     (regress's forward search is this loop: it tries the matcher at inputIndex, then
    //     one character further after each failure; see the module documentation.)
    let found = matcher
        .first_match_from(s, input_index, full_unicode)
        .map_err(|why| agent.terminate(why))?;
    let found = match found {
        Some(m) if m.start() == input_index => Some(m),
        Some(m) if !sticky => {
            last_index = m.start();
            Some(m)
        }
        _ => None,
    };
    let Some(r_match) = found else {
        // The loop ends with lastIndex > length (a failure at every index) or a sticky
        // failure: both set lastIndex to 0 when global or sticky and return null.
        if global || sticky {
            set(agent, r, &"lastIndex".into(), Value::Number(0.0), true)?;
        }
        return Ok(Value::Null);
    };
    // 14. Let e be r.[[EndIndex]].
    // 15. If fullUnicode is true, set e to GetStringIndex(S, e). (regress's indices are
    //     code-unit indices already.)
    let e = r_match.end();
    // 16. If global is true or sticky is true, then
    //     a. Perform ? Set(R, "lastIndex", 𝔽(e), true).
    if global || sticky {
        set(agent, r, &"lastIndex".into(), Value::Number(e as f64), true)?;
    }
    // 17. Let n be the number of elements in r.[[Captures]].
    let n = r_match.captures.len();
    // 18. Assert: n = R.[[RegExpRecord]].[[CapturingGroupsCount]].
    debug_assert_eq!(n, matcher.record.capturing_groups_count);
    // 19. Assert: n < 2^32 - 1.
    // 20. Let A be ! ArrayCreate(n + 1).
    // 21. Assert: The mathematical value of A's "length" property is n + 1.
    let a = array_create(agent, n as u64 + 1, None)?;
    // 22. Perform ! CreateDataPropertyOrThrow(A, "index", 𝔽(lastIndex)).
    create_data_property_or_throw(agent, &a, &"index".into(), Value::Number(last_index as f64))?;
    // 23. Perform ! CreateDataPropertyOrThrow(A, "input", S).
    create_data_property_or_throw(agent, &a, &"input".into(), Value::String(s.clone()))?;
    // 24. Let match be the Match Record { [[StartIndex]]: lastIndex, [[EndIndex]]: e }.
    let match_record = (last_index, e.max(last_index));
    // 25. Let indices be a new empty List.
    // 26. Let groupNames be a new empty List.
    // 27. Append match to indices.
    let mut indices: Vec<Option<(usize, usize)>> = vec![Some(match_record)];
    let mut group_names: Vec<Option<JsString>> = Vec::new();
    // 28. Let matchedSubstr be GetMatchString(S, match).
    let matched_substr = get_match_string(s, match_record);
    // 29. Perform ! CreateDataPropertyOrThrow(A, "0", matchedSubstr).
    create_data_property_or_throw(agent, &a, &"0".into(), Value::String(matched_substr))?;
    // 30. If R contains any GroupName, then
    //     a. Let groups be OrdinaryObjectCreate(null).
    //     b. Let hasGroups be true.
    // 31. Else,
    //     a. Let groups be undefined.
    //     b. Let hasGroups be false.
    let has_groups = matcher.has_group_name;
    let groups = has_groups.then(|| ordinary_object_create(None));
    // 32. Perform ! CreateDataPropertyOrThrow(A, "groups", groups).
    create_data_property_or_throw(
        agent,
        &a,
        &"groups".into(),
        groups.clone().map_or(Value::Undefined, Value::Object),
    )?;
    let mut matched_group_names: Vec<JsString> = Vec::new();
    // 33. For each integer i such that 1 ≤ i ≤ n, in ascending order, do
    for i in 1..=n {
        // a. Let captureI be ith element of r.[[Captures]].
        let capture_i = r_match.captures[i - 1].clone();
        let captured_value = match capture_i {
            // b. If captureI is undefined, then
            None => {
                // i. Let capturedValue be undefined.
                // ii. Append undefined to indices.
                indices.push(None);
                Value::Undefined
            }
            // c. Else,
            Some(range) => {
                // i. Let captureStart be captureI.[[StartIndex]].
                // ii. Let captureEnd be captureI.[[EndIndex]].
                // iii. If fullUnicode is true, then
                //      1. Set captureStart to GetStringIndex(S, captureStart).
                //      2. Set captureEnd to GetStringIndex(S, captureEnd).
                // iv. Let capture be the Match Record { [[StartIndex]]: captureStart,
                //     [[EndIndex]]: captureEnd }.
                let capture = (range.start, range.end.max(range.start));
                // v. Let capturedValue be GetMatchString(S, capture).
                // vi. Append capture to indices.
                indices.push(Some(capture));
                Value::String(get_match_string(s, capture))
            }
        };
        // d. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(i)), capturedValue).
        create_data_property_or_throw(
            agent,
            &a,
            &PropertyKey::from(i as u32),
            captured_value.clone(),
        )?;
        // e. If the ith capture of R was defined with a GroupName, then
        if let (Some(name), Some(groups)) = (&matcher.capture_names[i - 1], &groups) {
            // i. Let s be the CapturingGroupName of that GroupName.
            // ii. If matchedGroupNames contains s, then
            if matched_group_names.contains(name) {
                // 1. Assert: capturedValue is undefined.
                // 2. Append undefined to groupNames.
                group_names.push(None);
            } else {
                // iii. Else,
                //      1. If capturedValue is not undefined, append s to
                //         matchedGroupNames.
                if !captured_value.is_undefined() {
                    matched_group_names.push(name.clone());
                }
                //      2. NOTE: If there are multiple groups named s, groups may already
                //         have an s property at this point. ...
                //      3. Perform ! CreateDataPropertyOrThrow(groups, s, capturedValue).
                create_data_property_or_throw(
                    agent,
                    groups,
                    &PropertyKey::from_string(name.clone()),
                    captured_value,
                )?;
                //      4. Append s to groupNames.
                group_names.push(Some(name.clone()));
            }
        } else {
            // f. Else,
            //    i. Append undefined to groupNames.
            group_names.push(None);
        }
    }
    // 34. If hasIndices is true, then
    if has_indices {
        // a. Let indicesArray be MakeMatchIndicesIndexPairArray(S, indices, groupNames,
        //    hasGroups).
        let indices_array =
            make_match_indices_index_pair_array(agent, &indices, &group_names, has_groups)?;
        // b. Perform ! CreateDataPropertyOrThrow(A, "indices", indicesArray).
        create_data_property_or_throw(agent, &a, &"indices".into(), Value::Object(indices_array))?;
    }
    // 35. Return A.
    Ok(Value::Object(a))
}

/// AdvanceStringIndex ( S, index, unicode ) (22.2.7.3).
pub fn advance_string_index(s: &JsString, index: u64, unicode: bool) -> u64 {
    // 1. Assert: index ≤ 2^53 - 1.
    crate::spec_assert!("sec-advancestringindex", "1", index < (1 << 53));
    // 2. If unicode is false, return index + 1.
    crate::step!("sec-advancestringindex", "2");
    if !unicode {
        return index + 1;
    }
    // 3. Let length be the length of S.
    crate::step!("sec-advancestringindex", "3");
    let length = s.len() as u64;
    // 4. If index + 1 ≥ length, return index + 1.
    crate::step!("sec-advancestringindex", "4");
    if index + 1 >= length {
        return index + 1;
    }
    // 5. Let cp be CodePointAt(S, index).
    crate::step!("sec-advancestringindex", "5");
    let cp = code_point_at(s.units(), index as usize);
    // 6. Return index + cp.[[CodeUnitCount]].
    crate::step!("sec-advancestringindex", "6");
    index + cp.code_unit_count as u64
}

/// MakeMatchIndicesIndexPairArray ( S, indices, groupNames, hasGroups ) (22.2.7.8).
fn make_match_indices_index_pair_array(
    agent: &mut Agent,
    indices: &[Option<(usize, usize)>],
    group_names: &[Option<JsString>],
    has_groups: bool,
) -> JsResult<Object> {
    // 1. Let n be the number of elements in indices.
    crate::step!("sec-makematchindicesindexpairarray", "1");
    let n = indices.len();
    // 2. Assert: n < 2^32 - 1.
    crate::spec_assert!(
        "sec-makematchindicesindexpairarray",
        "2",
        (n as u64) < u64::from(u32::MAX)
    );
    // 3. Assert: groupNames has n - 1 elements.
    crate::spec_assert!(
        "sec-makematchindicesindexpairarray",
        "3",
        group_names.len() + 1 == n
    );
    // 4. NOTE: The groupNames List contains elements aligned with the indices List starting
    //    at indices[1].
    crate::step!("sec-makematchindicesindexpairarray", "4");
    // 5. Let A be ! ArrayCreate(n).
    crate::step!("sec-makematchindicesindexpairarray", "5");
    let a = array_create(agent, n as u64, None)?;
    // 6. If hasGroups is true, then
    crate::step!("sec-makematchindicesindexpairarray", "6");
    let groups = if has_groups {
        // a. Let groups be OrdinaryObjectCreate(null).
        crate::step!("sec-makematchindicesindexpairarray", "6.a");
        Some(ordinary_object_create(None))
    } else {
        // 7. Else,
        crate::step!("sec-makematchindicesindexpairarray", "7");
        // a. Let groups be undefined.
        crate::step!("sec-makematchindicesindexpairarray", "7.a");
        None
    };
    // 8. Perform ! CreateDataPropertyOrThrow(A, "groups", groups).
    crate::step!("sec-makematchindicesindexpairarray", "8");
    create_data_property_or_throw(
        agent,
        &a,
        &"groups".into(),
        groups.clone().map_or(Value::Undefined, Value::Object),
    )?;
    // 9. For each integer i such that 0 ≤ i < n, in ascending order, do
    crate::step!("sec-makematchindicesindexpairarray", "9");
    for (i, match_indices) in indices.iter().enumerate() {
        // a. Let matchIndices be indices[i].
        crate::step!("sec-makematchindicesindexpairarray", "9.a");
        // b. If matchIndices is not undefined, then
        crate::step!("sec-makematchindicesindexpairarray", "9.b");
        let match_index_pair = match match_indices {
            Some(pair) => {
                // i. Let matchIndexPair be GetMatchIndexPair(S, matchIndices).
                crate::step!("sec-makematchindicesindexpairarray", "9.b.i");
                Value::Object(get_match_index_pair(agent, *pair))
            }
            None => {
                // c. Else,
                crate::step!("sec-makematchindicesindexpairarray", "9.c");
                // i. Let matchIndexPair be undefined.
                crate::step!("sec-makematchindicesindexpairarray", "9.c.i");
                Value::Undefined
            }
        };
        // d. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(i)), matchIndexPair).
        crate::step!("sec-makematchindicesindexpairarray", "9.d");
        create_data_property_or_throw(
            agent,
            &a,
            &PropertyKey::from(i as u32),
            match_index_pair.clone(),
        )?;
        // e. If i > 0, then
        crate::step!("sec-makematchindicesindexpairarray", "9.e");
        if i > 0 {
            // i. Let s be groupNames[i - 1].
            crate::step!("sec-makematchindicesindexpairarray", "9.e.i");
            let s = &group_names[i - 1];
            // ii. If s is not undefined, then
            crate::step!("sec-makematchindicesindexpairarray", "9.e.ii");
            if let Some(s) = s {
                // 1. Assert: groups is not undefined.
                crate::spec_assert!(
                    "sec-makematchindicesindexpairarray",
                    "9.e.ii.1",
                    groups.is_some()
                );
                // 2. NOTE: If there are multiple groups named s, groups may already have
                //    an s property at this point. ...
                crate::step!("sec-makematchindicesindexpairarray", "9.e.ii.2");
                // 3. Perform ! CreateDataPropertyOrThrow(groups, s, matchIndexPair).
                crate::step!("sec-makematchindicesindexpairarray", "9.e.ii.3");
                if let Some(groups) = &groups {
                    create_data_property_or_throw(
                        agent,
                        groups,
                        &PropertyKey::from_string(s.clone()),
                        match_index_pair,
                    )?;
                }
            }
        }
    }
    // 10. Return A.
    crate::step!("sec-makematchindicesindexpairarray", "10");
    Ok(a)
}

/// GetMatchString ( S, match ) (22.2.7.6).
fn get_match_string(s: &JsString, (start, end): (usize, usize)) -> JsString {
    // 1. Assert: match.[[StartIndex]] ≤ match.[[EndIndex]] ≤ the length of S.
    crate::spec_assert!("sec-getmatchstring", "1", start <= end && end <= s.len());
    // 2. Return the substring of S from match.[[StartIndex]] to match.[[EndIndex]].
    crate::step!("sec-getmatchstring", "2");
    s.substring(start, end)
}

/// GetMatchIndexPair ( S, match ) (22.2.7.7).
fn get_match_index_pair(agent: &mut Agent, (start, end): (usize, usize)) -> Object {
    // 1. Assert: match.[[StartIndex]] ≤ match.[[EndIndex]] ≤ the length of S.
    crate::spec_assert!("sec-getmatchindexpair", "1", start <= end);
    // 2. Return CreateArrayFromList(« 𝔽(match.[[StartIndex]]), 𝔽(match.[[EndIndex]]) »).
    crate::step!("sec-getmatchindexpair", "2");
    create_array_from_list(
        agent,
        vec![Value::Number(start as f64), Value::Number(end as f64)],
    )
}
