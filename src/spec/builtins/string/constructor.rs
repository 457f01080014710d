//! 22.1.1 The String Constructor and 22.1.2 Properties of the String Constructor
//! (String.fromCharCode, String.fromCodePoint, String.raw).

use super::operations::utf16_encode_code_point;
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::builtins::number::is_integral_number;
use crate::spec::completion_record::JsResult;
use crate::spec::operations_on_objects::{get, index_key, length_of_array_like};
use crate::spec::ordinary_object_internal_methods::get_prototype_from_constructor;
use crate::spec::realms::Intrinsic;
use crate::spec::string_exotic_objects::string_create;
use crate::spec::string_type::{JsString, OrThrow, StringBuilder};
use crate::spec::type_conversion::{to_number, to_object, to_string, to_uint16};
use crate::spec::value::Value;

/// String ( value ) (22.1.1.1).
pub(super) fn string_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If value is not present, then a. Let s be the empty String.
    let s = match call.args.first() {
        None => JsString::default(),
        // 2. Else,
        Some(value) => {
            // a. If NewTarget is undefined and value is a Symbol, return
            //    SymbolDescriptiveString(value).
            if let (None, Value::Symbol(sym)) = (call.new_target, value) {
                return Ok(Value::String(
                    crate::spec::builtins::symbol::symbol_descriptive_string(sym),
                ));
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

/// String.fromCharCode ( ...codeUnits ) (22.1.2.1). (An argument list is at most
/// `resource_limits::MAX_ARGUMENTS` long, so the result is far below the String limit;
/// the same holds for fromCodePoint.)
pub(super) fn from_char_code(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
pub(super) fn from_code_point(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let result be the empty String.
    let mut result = Vec::with_capacity(call.args.len());
    // (Not while tracing, ToNumber has markers: a Number that is an integral code point
    // passes steps a-c as it is (ToNumber step 1 returns it, IsIntegralNumber is true, it
    // lies in 0..=0x10FFFF; -0 is the code point 0) and step d appends its UTF-16 code
    // units (UTF16EncodeCodePoint 11.1.1 steps 2-5) without the calls; the
    // property-escape tests' harness passes ~1.1 million code points this way.)
    let traced = crate::trace::enabled();
    // 2. For each element next of codePoints, do
    for next in call.args {
        if !traced {
            if let Value::Number(n) = next {
                let cp = *n as u32;
                if (0.0..=1114111.0).contains(n) && f64::from(cp) == *n {
                    if cp <= 0xFFFF {
                        result.push(cp as u16);
                    } else {
                        result.push(((cp - 0x10000) / 0x400 + 0xD800) as u16);
                        result.push(((cp - 0x10000) % 0x400 + 0xDC00) as u16);
                    }
                    continue;
                }
            }
        }
        // a. Let nextCP be ? ToNumber(next).
        let next_cp = to_number(agent, next)?;
        // b. If IsIntegralNumber(nextCP) is false, throw a RangeError exception.
        // c. If ℝ(nextCP) < 0 or ℝ(nextCP) > 0x10FFFF, throw a RangeError exception.
        if !is_integral_number(next_cp) || !(0.0..=1114111.0).contains(&next_cp) {
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
pub(super) fn raw(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
    let mut r = StringBuilder::new();
    // 7. Let nextIndex be 0.
    let mut next_index: u64 = 0;
    // 8. Repeat,
    loop {
        // (The host's limits: literalCount is the program's.)
        agent.check_limits()?;
        // a. Let nextLiteralVal be ? Get(literals, ! ToString(𝔽(nextIndex))).
        let next_literal_val = get(agent, &literals, &index_key(next_index))?;
        // b. Let nextLiteral be ? ToString(nextLiteralVal).
        let next_literal = to_string(agent, &next_literal_val)?;
        // c. Set R to the string-concatenation of R and nextLiteral.
        r.extend(next_literal.units()).or_throw(agent)?;
        // d. If nextIndex + 1 = literalCount, return R.
        if next_index + 1 == literal_count {
            return Ok(Value::String(r.build()));
        }
        // e. If nextIndex < substitutionCount, then
        if next_index < substitution_count {
            // i. Let nextSubVal be substitutions[nextIndex].
            // ii. Let nextSub be ? ToString(nextSubVal).
            // iii. Set R to the string-concatenation of R and nextSub.
            let next_sub = to_string(agent, &substitutions[next_index as usize])?;
            r.extend(next_sub.units()).or_throw(agent)?;
        }
        // f. Set nextIndex to nextIndex + 1.
        next_index += 1;
    }
}
