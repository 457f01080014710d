//! 22.1.3 Properties of the String Prototype Object: the methods that defer to a RegExp's
//! protocol method or create one (match, matchAll, replace, replaceAll, search, split).

use super::operations::{get_substitution, is_regexp, string_index_of};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::builtins::regexp::creation::regexp_create;
use crate::spec::completion_record::JsResult;
use crate::spec::object_type::PropertyKey;
use crate::spec::operations_on_objects::{call, create_array_from_list, get, get_method, invoke};
use crate::spec::string_type::{JsString, OrThrow, StringBuilder};
use crate::spec::testing_and_comparison::{is_callable, require_object_coercible};
use crate::spec::type_conversion::{to_string, to_uint32};
use crate::spec::value::Value;

/// String.prototype.match ( regexp ) (22.1.3.13).
pub(super) fn match_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
pub(super) fn match_all(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
pub(super) fn replace(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
    let mut out = StringBuilder::new();
    out.extend(&units[..position]).or_throw(agent)?;
    out.push_string(&replacement).or_throw(agent)?;
    out.extend(&units[position + search_length..])
        .or_throw(agent)?;
    Ok(Value::String(out.build()))
}

/// String.prototype.replaceAll ( searchValue, replaceValue ) (22.1.3.20).
pub(super) fn replace_all(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
        agent.check_limits()?;
        agent.reserve(&mut match_positions, 1)?;
        match_positions.push(p);
        // b. Set position to StringIndexOf(string, searchString, position + advanceBy).
        position = string_index_of(string.units(), search_string.units(), p + advance_by);
    }
    // 12. Let endOfLastMatch be 0.
    let mut end_of_last_match = 0;
    // 13. Let result be the empty String.
    let mut result = StringBuilder::new();
    let units = string.units();
    // 14. For each element p of matchPositions, do
    for p in match_positions {
        agent.check_limits()?;
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
        result
            .extend(&units[end_of_last_match..p])
            .or_throw(agent)?;
        result.extend(replacement.units()).or_throw(agent)?;
        // e. Set endOfLastMatch to p + searchLength.
        end_of_last_match = p + search_length;
    }
    // 15. If endOfLastMatch < the length of string, then
    //     a. Set result to the string-concatenation of result and the substring of string
    //        from endOfLastMatch.
    if end_of_last_match < units.len() {
        result.extend(&units[end_of_last_match..]).or_throw(agent)?;
    }
    // 16. Return result.
    Ok(Value::String(result.build()))
}

/// String.prototype.search ( regexp ) (22.1.3.21).
pub(super) fn search(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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

/// String.prototype.split ( separator, limit ) (22.1.3.23).
pub(super) fn split(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
        let mut code_units = Vec::new();
        agent.reserve(&mut code_units, out_len)?;
        for unit in &units[..out_len] {
            // (Up to 2^30 Strings: the host's limits are checked as they are made.)
            agent.check_limits()?;
            code_units.push(Value::String(JsString::from_units(&[*unit])));
        }
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
        agent.check_limits()?;
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
