//! 7.1 Type Conversion (`sec-type-conversion`).

use crate::syntax::literals::{
    is_line_terminator, is_white_space, non_decimal_radix, power_of_two_radix_to_f64,
};

/// StringToNumber ( string ) — 7.1.4.1.1, `sec-stringtonumber`.
pub fn string_to_number(string: &[u16]) -> f64 {
    // 1. Let literal be ParseText(string, StringNumericLiteral).
    // (A lone surrogate matches no production of StringNumericLiteral.)
    step!("sec-stringtonumber", "1");
    let literal = String::from_utf16(string)
        .ok()
        .and_then(|text| string_numeric_value(&text));
    // 2. If literal is a List of errors, return NaN.
    step!("sec-stringtonumber", "2");
    let Some(value) = literal else {
        return f64::NAN;
    };
    // 3. Return the StringNumericValue of literal.
    step!("sec-stringtonumber", "3");
    value
}

/// ParseText(text, StringNumericLiteral) and then Runtime Semantics: StringNumericValue
/// (7.1.4.1.2); `None` where the text does not match the grammar.
fn string_numeric_value(text: &str) -> Option<f64> {
    // StringNumericLiteral ::: StrWhiteSpace_opt
    //                        | StrWhiteSpace_opt StrNumericLiteral StrWhiteSpace_opt
    let literal = text.trim_matches(|c| is_white_space(c) || is_line_terminator(c));
    if literal.is_empty() {
        // StringNumericLiteral ::: StrWhiteSpace_opt — return +0𝔽.
        return Some(0.0);
    }
    // StrNumericLiteral ::: NonDecimalIntegerLiteral[~Sep] — return 𝔽(MV).
    if let Some(radix) = non_decimal_radix(literal) {
        let digits = &literal[2..];
        if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
            return None;
        }
        return Some(power_of_two_radix_to_f64(digits, radix));
    }
    // StrDecimalLiteral ::: StrUnsignedDecimalLiteral | + StrUnsignedDecimalLiteral
    //                     | - StrUnsignedDecimalLiteral
    let (negative, unsigned) = match literal.as_bytes()[0] {
        b'+' => (false, &literal[1..]),
        b'-' => (true, &literal[1..]),
        _ => (false, literal),
    };
    let value = str_unsigned_decimal_value(unsigned)?;
    // StrDecimalLiteral ::: - StrUnsignedDecimalLiteral — return -a (so "-0" is -0𝔽).
    Some(if negative { -value } else { value })
}

/// StrUnsignedDecimalLiteral ::: Infinity
///   | DecimalDigits[~Sep] . DecimalDigits[~Sep]opt ExponentPart[~Sep]opt
///   | . DecimalDigits[~Sep] ExponentPart[~Sep]opt
///   | DecimalDigits[~Sep] ExponentPart[~Sep]opt
/// with its value rounded by RoundMVResult (7.1.4.1.3): Rust's conversion is correctly
/// rounded, which RoundMVResult always permits (𝔽(n)).
fn str_unsigned_decimal_value(text: &str) -> Option<f64> {
    if text == "Infinity" {
        return Some(f64::INFINITY);
    }
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], Some(&text[i + 1..])),
        None => (text, None),
    };
    let (int_part, frac_part) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match frac_part {
        None => digits(int_part),
        Some(frac) => {
            (digits(int_part) && (frac.is_empty() || digits(frac)))
                || (int_part.is_empty() && digits(frac))
        }
    };
    if !mantissa_ok {
        return None;
    }
    if let Some(exponent) = exponent {
        // ExponentPart ::: ExponentIndicator SignedInteger
        let unsigned = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        if !digits(unsigned) {
            return None;
        }
    }
    text.parse::<f64>().ok()
}

#[cfg(test)]
mod tests {
    use super::string_to_number;

    fn n(s: &str) -> f64 {
        string_to_number(&s.encode_utf16().collect::<Vec<u16>>())
    }

    #[test]
    fn white_space_and_empty() {
        assert_eq!(n(""), 0.0);
        assert_eq!(n(" \t\n\u{2028}\u{FEFF}\u{A0}"), 0.0);
        assert_eq!(n("\u{3000} 12 \r\n"), 12.0);
        // U+0085 (NEL) and U+180E are not WhiteSpace in ECMAScript.
        assert!(n("\u{85}1").is_nan());
        assert!(n("\u{180E}1").is_nan());
    }

    #[test]
    fn decimal_literals() {
        assert_eq!(n("42"), 42.0);
        assert_eq!(n("00012"), 12.0);
        assert_eq!(n("+.5"), 0.5);
        assert_eq!(n("5."), 5.0);
        assert_eq!(n("-1.5e3"), -1500.0);
        assert_eq!(n("1E-2"), 0.01);
        assert_eq!(n("Infinity"), f64::INFINITY);
        assert_eq!(n("-Infinity"), f64::NEG_INFINITY);
        assert_eq!(n("1e1000"), f64::INFINITY);
        assert!(n("-0").is_sign_negative() && n("-0") == 0.0);
        for bad in [
            ".", "+", "1e", "e5", "1_000", "1.2.3", "infinity", "INFINITY", "0x", "1n", "--1",
            "+-1", "1 2",
        ] {
            assert!(n(bad).is_nan(), "{bad:?} must be NaN");
        }
    }

    #[test]
    fn non_decimal_literals_take_no_sign() {
        assert_eq!(n("0x1F"), 31.0);
        assert_eq!(n("0O17"), 15.0);
        assert_eq!(n("0b101"), 5.0);
        assert!(n("-0x1F").is_nan());
        assert!(n("+0b1").is_nan());
        assert!(n("0x1_0").is_nan());
        assert!(n("0b2").is_nan());
    }

    #[test]
    fn lone_surrogates_are_nan() {
        assert!(string_to_number(&[0x31, 0xD800]).is_nan());
    }

    /// `DecimalDigits . ExponentPart` (no fraction digits) and `. DecimalDigits
    /// ExponentPart` are both StrUnsignedDecimalLiterals.
    #[test]
    fn exponent_after_a_bare_point() {
        assert_eq!(n("5.e3"), 5000.0);
        assert_eq!(n(".5e1"), 5.0);
        assert_eq!(n("-.5E+1"), -5.0);
        assert!(n(".e1").is_nan());
    }
}

// ---------------------------------------------------------------------------------------
// Conversions of language values (they may call user code and create objects)
// ---------------------------------------------------------------------------------------

use super::agents::Agent;
use super::bigint_type::{parse_digits, BigIntTooBig, JsBigInt};
use super::completion_record::JsResult;
use super::number_type::number_to_string;
use super::object_kinds::ObjectKind;
use super::object_type::{Object, PropertyKey};
use super::operations_on_objects::{call, get, get_method};
use super::ordinary_object_internal_methods::ordinary_object_create_with;
use super::realms::Intrinsic;
use super::string_exotic_objects::string_create;
use super::string_type::JsString;
use super::testing_and_comparison::is_callable;
use super::value::Value;
use crate::{spec_assert, step, step_done};

/// The preferredType of ToPrimitive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreferredType {
    String,
    Number,
}

/// ToPrimitive ( input [ , preferredType ] ) (7.1.1).
#[crate::trace::checks_tracing_once]
pub fn to_primitive(
    agent: &mut Agent,
    input: &Value,
    preferred_type: Option<PreferredType>,
) -> JsResult<Value> {
    // 1. If input is an Object, then
    step!("sec-toprimitive", "1");
    let Value::Object(object) = input else {
        // 2. Return input.
        step!("sec-toprimitive", "2");
        return Ok(input.clone());
    };
    // a. Let exoticToPrim be ? GetMethod(input, %Symbol.toPrimitive%).
    step!("sec-toprimitive", "1.a");
    let key = PropertyKey::Symbol(agent.well_known.to_primitive.clone());
    let exotic_to_prim = get_method(agent, input, &key)?;
    // b. If exoticToPrim is not undefined, then
    step!("sec-toprimitive", "1.b");
    if let Some(exotic_to_prim) = exotic_to_prim {
        // i. If preferredType is not present, then
        step!("sec-toprimitive", "1.b.i");
        let hint = match preferred_type {
            None => {
                // 1. Let hint be "default".
                step!("sec-toprimitive", "1.b.i.1");
                "default"
            }
            // ii. Else if preferredType is string, then
            Some(PreferredType::String) => {
                step!("sec-toprimitive", "1.b.ii");
                // 1. Let hint be "string".
                step!("sec-toprimitive", "1.b.ii.1");
                "string"
            }
            // iii. Else,
            Some(preferred_type) => {
                step!("sec-toprimitive", "1.b.iii");
                // 1. Assert: preferredType is number.
                spec_assert!(
                    "sec-toprimitive",
                    "1.b.iii.1",
                    preferred_type == PreferredType::Number
                );
                // 2. Let hint be "number".
                step!("sec-toprimitive", "1.b.iii.2");
                "number"
            }
        };
        // iv. Let result be ? Call(exoticToPrim, input, « hint »).
        step!("sec-toprimitive", "1.b.iv");
        let result = call(agent, &exotic_to_prim, input, &[Value::string(hint)])?;
        // v. If result is not an Object, return result.
        step!("sec-toprimitive", "1.b.v");
        if !result.is_object() {
            return Ok(result);
        }
        // vi. Throw a TypeError exception.
        step!("sec-toprimitive", "1.b.vi");
        return Err(agent.type_error("Symbol.toPrimitive returned an object"));
    }
    // c. If preferredType is not present, let preferredType be number.
    step!("sec-toprimitive", "1.c");
    let preferred_type = preferred_type.unwrap_or(PreferredType::Number);
    // d. Return ? OrdinaryToPrimitive(input, preferredType).
    step!("sec-toprimitive", "1.d");
    ordinary_to_primitive(agent, object, preferred_type)
}

/// OrdinaryToPrimitive ( O, hint ) (7.1.1.1).
pub fn ordinary_to_primitive(
    agent: &mut Agent,
    o: &Object,
    hint: PreferredType,
) -> JsResult<Value> {
    // 1. If hint is string, then
    step!("sec-ordinarytoprimitive", "1");
    let method_names = if hint == PreferredType::String {
        // a. Let methodNames be « "toString", "valueOf" ».
        step!("sec-ordinarytoprimitive", "1.a");
        ["toString", "valueOf"]
    } else {
        // 2. Else,
        step!("sec-ordinarytoprimitive", "2");
        // a. Let methodNames be « "valueOf", "toString" ».
        step!("sec-ordinarytoprimitive", "2.a");
        ["valueOf", "toString"]
    };
    // 3. For each element name of methodNames, do
    step!("sec-ordinarytoprimitive", "3");
    for name in method_names {
        // a. Let method be ? Get(O, name).
        step!("sec-ordinarytoprimitive", "3.a");
        let method = get(agent, o, &name.into())?;
        // b. If IsCallable(method) is true, then
        step!("sec-ordinarytoprimitive", "3.b");
        if is_callable(&method) {
            // i. Let result be ? Call(method, O).
            step!("sec-ordinarytoprimitive", "3.b.i");
            let result = call(agent, &method, &Value::Object(o.clone()), &[])?;
            // ii. If result is not an Object, return result.
            step!("sec-ordinarytoprimitive", "3.b.ii");
            if !result.is_object() {
                return Ok(result);
            }
        }
    }
    // 4. Throw a TypeError exception.
    step!("sec-ordinarytoprimitive", "4");
    Err(agent.type_error("cannot convert object to primitive value"))
}

/// ToBoolean ( argument ) (7.1.2).
#[crate::trace::checks_tracing_once]
pub fn to_boolean(argument: &Value) -> bool {
    // 1. If argument is a Boolean, return argument.
    step!("sec-toboolean", "1");
    if let Value::Boolean(b) = argument {
        return *b;
    }
    // 2. If argument is one of undefined, null, +0𝔽, -0𝔽, NaN, 0ℤ, or the empty String,
    //    return false.
    step!("sec-toboolean", "2");
    let falsy = match argument {
        Value::Undefined | Value::Null => true,
        Value::Number(n) => *n == 0.0 || n.is_nan(),
        Value::BigInt(b) => b.is_zero(),
        Value::String(s) => s.is_empty(),
        Value::Boolean(_) | Value::Symbol(_) | Value::Object(_) => false,
    };
    if falsy {
        return false;
    }
    // 3. If the host is a web browser or otherwise supports B.3.6, then (this host does
    //    not support B.3.6: no object has an [[IsHTMLDDA]] internal slot)
    step!("sec-toboolean", "3");
    if HOST_SUPPORTS_IS_HTML_DDA {
        // a. If argument is an Object and argument has an [[IsHTMLDDA]] internal slot,
        //    return false.
        step!("sec-toboolean", "3.a");
    }
    // 4. Return true.
    step!("sec-toboolean", "4");
    true
}

/// Whether the host supports B.3.6 (the [[IsHTMLDDA]] internal slot): it does not.
const HOST_SUPPORTS_IS_HTML_DDA: bool = false;

/// A Number or a BigInt: the result of ToNumeric.
#[derive(Clone, Debug)]
pub enum Numeric {
    Number(f64),
    BigInt(JsBigInt),
}

/// ToNumeric ( value ) (7.1.3).
#[crate::trace::checks_tracing_once]
pub fn to_numeric(agent: &mut Agent, value: &Value) -> JsResult<Numeric> {
    // 1. Let primValue be ? ToPrimitive(value, number).
    step!("sec-tonumeric", "1");
    let prim = to_primitive(agent, value, Some(PreferredType::Number))?;
    // 2. If primValue is a BigInt, return primValue.
    step!("sec-tonumeric", "2");
    if let Value::BigInt(b) = prim {
        return Ok(Numeric::BigInt(b));
    }
    // 3. Return ? ToNumber(primValue).
    step!("sec-tonumeric", "3");
    Ok(Numeric::Number(to_number(agent, &prim)?))
}

/// ToNumber ( argument ) (7.1.4).
#[crate::trace::checks_tracing_once]
pub fn to_number(agent: &mut Agent, argument: &Value) -> JsResult<f64> {
    // 1. If argument is a Number, return argument.
    step!("sec-tonumber", "1");
    if let Value::Number(n) = argument {
        return Ok(*n);
    }
    // 2. If argument is either a Symbol or a BigInt, throw a TypeError exception.
    step!("sec-tonumber", "2");
    match argument {
        Value::Symbol(_) => {
            return Err(agent.type_error("cannot convert a Symbol value to a number"));
        }
        Value::BigInt(_) => {
            return Err(agent.type_error("cannot convert a BigInt value to a number"));
        }
        _ => {}
    }
    // 3. If argument is undefined, return NaN.
    step!("sec-tonumber", "3");
    if argument.is_undefined() {
        return Ok(f64::NAN);
    }
    // 4. If argument is either null or false, return +0𝔽.
    step!("sec-tonumber", "4");
    if matches!(argument, Value::Null | Value::Boolean(false)) {
        return Ok(0.0);
    }
    // 5. If argument is true, return 1𝔽.
    step!("sec-tonumber", "5");
    if let Value::Boolean(true) = argument {
        return Ok(1.0);
    }
    // 6. If argument is a String, return StringToNumber(argument).
    step!("sec-tonumber", "6");
    if let Value::String(s) = argument {
        return Ok(string_to_number(s.units()));
    }
    // 7. Assert: argument is an Object.
    spec_assert!("sec-tonumber", "7", argument.is_object());
    // 8. Let primValue be ? ToPrimitive(argument, number).
    step!("sec-tonumber", "8");
    let prim = to_primitive(agent, argument, Some(PreferredType::Number))?;
    // 9. Assert: primValue is not an Object.
    spec_assert!("sec-tonumber", "9", !prim.is_object());
    // 10. Return ? ToNumber(primValue).
    step!("sec-tonumber", "10");
    to_number(agent, &prim)
}

/// ToIntegerOrInfinity ( argument ) (7.1.5).
pub fn to_integer_or_infinity(agent: &mut Agent, argument: &Value) -> JsResult<f64> {
    // 1. Let number be ? ToNumber(argument).
    step!("sec-tointegerorinfinity", "1");
    let number = to_number(agent, argument)?;
    Ok(integer_or_infinity(number))
}

/// Steps 2-5 of ToIntegerOrInfinity on a Number (callers that hold a Number skip step 1,
/// whose ToNumber returns it unchanged).
#[crate::trace::checks_tracing_once]
#[inline]
pub fn integer_or_infinity(number: f64) -> f64 {
    // 2. If number is one of NaN, +0𝔽, or -0𝔽, return 0.
    step!("sec-tointegerorinfinity", "2");
    if number.is_nan() || number == 0.0 {
        return 0.0;
    }
    // 3. If number is +∞𝔽, return +∞.
    step!("sec-tointegerorinfinity", "3");
    if number == f64::INFINITY {
        return number;
    }
    // 4. If number is -∞𝔽, return -∞.
    step!("sec-tointegerorinfinity", "4");
    if number == f64::NEG_INFINITY {
        return number;
    }
    // 5. Return truncate(ℝ(number)) (a mathematical value: truncating -0.5 gives 0, not
    //    -0).
    step!("sec-tointegerorinfinity", "5");
    number.trunc() + 0.0
}

/// The modulo-2^bits integer of a Number, as ToInt32/ToUint32 and their kin compute it:
/// NaN, ±0 and ±∞ give 0; otherwise truncate, then take modulo 2^bits.
fn modulo_integer(number: f64, bits: u32) -> u64 {
    if !number.is_finite() || number == 0.0 {
        return 0;
    }
    let int = number.trunc();
    let modulus = 2f64.powi(bits as i32);
    let r = int % modulus;
    let r = if r < 0.0 { r + modulus } else { r };
    r as u64
}

/// ToInt32 ( argument ) (7.1.8), steps 2-5 on a Number (callers that hold a Number skip
/// step 1, whose ToNumber returns it unchanged).
pub fn number_to_int32(number: f64) -> i32 {
    // 2. If number is not finite or number is either +0𝔽 or -0𝔽, return +0𝔽.
    step!("sec-toint32", "2");
    if !number.is_finite() || number == 0.0 {
        return 0;
    }
    // 3. Let int be truncate(ℝ(number)).
    step!("sec-toint32", "3");
    let int = number.trunc();
    // 4. Let int32bit be int modulo 2^32.
    step!("sec-toint32", "4");
    let int32bit = modulo_integer(int, 32) as u32;
    // 5. If int32bit ≥ 2^31, return 𝔽(int32bit - 2^32); otherwise return 𝔽(int32bit).
    step!("sec-toint32", "5");
    int32bit as i32
}

/// ToUint32 ( argument ) (7.1.9), steps 2-5 on a Number (callers that hold a Number skip
/// step 1, whose ToNumber returns it unchanged).
pub fn number_to_uint32(number: f64) -> u32 {
    // 2. If number is not finite or number is either +0𝔽 or -0𝔽, return +0𝔽.
    step!("sec-touint32", "2");
    if !number.is_finite() || number == 0.0 {
        return 0;
    }
    // 3. Let int be truncate(ℝ(number)).
    step!("sec-touint32", "3");
    let int = number.trunc();
    // 4. Let int32bit be int modulo 2^32.
    step!("sec-touint32", "4");
    let int32bit = modulo_integer(int, 32) as u32;
    // 5. Return 𝔽(int32bit).
    step!("sec-touint32", "5");
    int32bit
}

/// ToInt32 ( argument ) (7.1.8).
pub fn to_int32(agent: &mut Agent, argument: &Value) -> JsResult<i32> {
    // 1. Let number be ? ToNumber(argument).
    step!("sec-toint32", "1");
    let number = to_number(agent, argument)?;
    Ok(number_to_int32(number))
}

/// ToUint32 ( argument ) (7.1.9).
pub fn to_uint32(agent: &mut Agent, argument: &Value) -> JsResult<u32> {
    // 1. Let number be ? ToNumber(argument).
    step!("sec-touint32", "1");
    let number = to_number(agent, argument)?;
    Ok(number_to_uint32(number))
}

/// ToUint16 ( argument ) (7.1.11).
pub fn to_uint16(agent: &mut Agent, argument: &Value) -> JsResult<u16> {
    // 1. Let number be ? ToNumber(argument).
    step!("sec-touint16", "1");
    let number = to_number(agent, argument)?;
    // 2. If number is not finite or number is either +0𝔽 or -0𝔽, return +0𝔽.
    step!("sec-touint16", "2");
    if !number.is_finite() || number == 0.0 {
        return Ok(0);
    }
    // 3. Let int be truncate(ℝ(number)).
    step!("sec-touint16", "3");
    let int = number.trunc();
    // 4. Let int16bit be int modulo 2^16.
    step!("sec-touint16", "4");
    let int16bit = modulo_integer(int, 16) as u16;
    // 5. Return 𝔽(int16bit).
    step!("sec-touint16", "5");
    Ok(int16bit)
}

/// ToInt16 ( argument ) (7.1.10), on a Number (its callers hold a Number: step 1's ToNumber
/// was theirs).
pub fn number_to_int16(number: f64) -> i16 {
    // 1. Let number be ? ToNumber(argument).
    step_done!(
        "sec-toint16",
        "1",
        "by the caller, which converted the value with ToNumber"
    );
    // 2. If number is not finite or number is either +0𝔽 or -0𝔽, return +0𝔽.
    step!("sec-toint16", "2");
    if !number.is_finite() || number == 0.0 {
        return 0;
    }
    // 3. Let int be truncate(ℝ(number)).
    step!("sec-toint16", "3");
    let int = number.trunc();
    // 4. Let int16bit be int modulo 2^16.
    step!("sec-toint16", "4");
    let int16bit = modulo_integer(int, 16) as u16;
    // 5. If int16bit ≥ 2^15, return 𝔽(int16bit - 2^16); otherwise return 𝔽(int16bit).
    step!("sec-toint16", "5");
    int16bit as i16
}

/// ToUint16 ( argument ) (7.1.11), on a Number.
pub fn number_to_uint16(number: f64) -> u16 {
    modulo_integer(number, 16) as u16
}

/// ToInt8 ( argument ) (7.1.12), on a Number (its callers hold a Number: step 1's ToNumber
/// was theirs).
pub fn number_to_int8(number: f64) -> i8 {
    // 1. Let number be ? ToNumber(argument).
    step_done!(
        "sec-toint8",
        "1",
        "by the caller, which converted the value with ToNumber"
    );
    // 2. If number is not finite or number is either +0𝔽 or -0𝔽, return +0𝔽.
    step!("sec-toint8", "2");
    if !number.is_finite() || number == 0.0 {
        return 0;
    }
    // 3. Let int be truncate(ℝ(number)).
    step!("sec-toint8", "3");
    let int = number.trunc();
    // 4. Let int8bit be int modulo 2^8.
    step!("sec-toint8", "4");
    let int8bit = modulo_integer(int, 8) as u8;
    // 5. If int8bit ≥ 2^7, return 𝔽(int8bit - 2^8); otherwise return 𝔽(int8bit).
    step!("sec-toint8", "5");
    int8bit as i8
}

/// ToUint8 ( argument ) (7.1.13), on a Number (its callers hold a Number: step 1's ToNumber
/// was theirs).
pub fn number_to_uint8(number: f64) -> u8 {
    // 1. Let number be ? ToNumber(argument).
    step_done!(
        "sec-touint8",
        "1",
        "by the caller, which converted the value with ToNumber"
    );
    // 2. If number is not finite or number is either +0𝔽 or -0𝔽, return +0𝔽.
    step!("sec-touint8", "2");
    if !number.is_finite() || number == 0.0 {
        return 0;
    }
    // 3. Let int be truncate(ℝ(number)).
    step!("sec-touint8", "3");
    let int = number.trunc();
    // 4. Let int8bit be int modulo 2^8.
    step!("sec-touint8", "4");
    let int8bit = modulo_integer(int, 8) as u8;
    // 5. Return 𝔽(int8bit).
    step!("sec-touint8", "5");
    int8bit
}

/// ToUint8Clamp ( argument ) (7.1.14), on a Number (its callers hold a Number).
pub fn number_to_uint8_clamp(number: f64) -> u8 {
    // 1. Let number be ? ToNumber(argument).
    step_done!(
        "sec-touint8clamp",
        "1",
        "by the caller, which converted the value with ToNumber"
    );
    // 2. If number is NaN, return +0𝔽.
    step!("sec-touint8clamp", "2");
    if number.is_nan() {
        return 0;
    }
    // 3. Let mv be the extended mathematical value of number.
    step!("sec-touint8clamp", "3");
    let mv = number;
    // 4. Let clamped be the result of clamping mv between 0 and 255.
    step!("sec-touint8clamp", "4");
    let clamped = mv.clamp(0.0, 255.0);
    // 5. Let f be floor(clamped).
    step!("sec-touint8clamp", "5");
    let f = clamped.floor();
    // 6. If clamped < f + 0.5, return 𝔽(f).
    step!("sec-touint8clamp", "6");
    if clamped < f + 0.5 {
        return f as u8;
    }
    // 7. If clamped > f + 0.5, return 𝔽(f + 1).
    step!("sec-touint8clamp", "7");
    if clamped > f + 0.5 {
        return (f + 1.0) as u8;
    }
    // 8. If f is even, return 𝔽(f); otherwise return 𝔽(f + 1).
    step!("sec-touint8clamp", "8");
    if f % 2.0 == 0.0 {
        f as u8
    } else {
        (f + 1.0) as u8
    }
}

/// ℝ(bigint) modulo 2^64, the bit pattern ToBigInt64 and ToBigUint64 start from.
fn big_int_modulo_2_64(bigint: &JsBigInt) -> u64 {
    let magnitude = bigint
        .value()
        .magnitude()
        .iter_u64_digits()
        .next()
        .unwrap_or(0);
    if bigint.value().sign() == num_bigint::Sign::Minus {
        magnitude.wrapping_neg()
    } else {
        magnitude
    }
}

/// ToBigInt64 ( argument ) (7.1.16), on a BigInt: "Let int64bit be ℝ(n) modulo 2^64. If
/// int64bit ≥ 2^63, return ℤ(int64bit - 2^64); otherwise return ℤ(int64bit)."
pub fn big_int_to_int64(bigint: &JsBigInt) -> i64 {
    big_int_modulo_2_64(bigint) as i64
}

/// ToBigUint64 ( argument ) (7.1.17), on a BigInt (its callers hold a BigInt).
pub fn big_int_to_uint64(bigint: &JsBigInt) -> u64 {
    // 1. Let n be ? ToBigInt(argument).
    step_done!(
        "sec-tobiguint64",
        "1",
        "by the caller, which converted the value with ToBigInt"
    );
    // 2. Let int64bit be ℝ(n) modulo 2^64.
    step!("sec-tobiguint64", "2");
    let int64bit = big_int_modulo_2_64(bigint);
    // 3. Return ℤ(int64bit).
    step!("sec-tobiguint64", "3");
    int64bit
}

/// ToBigInt64 ( argument ) (7.1.16).
pub fn to_big_int64(agent: &mut Agent, argument: &Value) -> JsResult<i64> {
    // 1. Let n be ? ToBigInt(argument).
    step!("sec-tobigint64", "1");
    let n = to_big_int(agent, argument)?;
    // 2. Let int64bit be ℝ(n) modulo 2^64.
    step!("sec-tobigint64", "2");
    let int64bit = big_int_modulo_2_64(&n);
    // 3. If int64bit ≥ 2^63, return ℤ(int64bit - 2^64); otherwise return ℤ(int64bit).
    step!("sec-tobigint64", "3");
    Ok(int64bit as i64)
}

/// ToBigInt ( argument ) (7.1.15).
pub fn to_big_int(agent: &mut Agent, argument: &Value) -> JsResult<JsBigInt> {
    // 1. Let prim be ? ToPrimitive(argument, number).
    step!("sec-tobigint", "1");
    let prim = to_primitive(agent, argument, Some(PreferredType::Number))?;
    // 2. Return the value that prim corresponds to in Table 12.
    step!("sec-tobigint", "2");
    match prim {
        Value::Undefined | Value::Null => {
            Err(agent.type_error(&format!("cannot convert {} to a BigInt", prim.type_name())))
        }
        Value::Boolean(b) => Ok(JsBigInt::new(num_bigint::BigInt::from(u8::from(b)))),
        Value::BigInt(b) => Ok(b),
        Value::Number(_) => Err(agent.type_error("cannot convert a Number to a BigInt")),
        Value::String(s) => match string_to_big_int(&s) {
            Ok(Some(b)) => Ok(b),
            Ok(None) => Err(agent.syntax_error(&format!("cannot convert \"{s}\" to a BigInt"))),
            Err(too_big) => Err(too_big.throw(agent)),
        },
        Value::Symbol(_) => Err(agent.type_error("cannot convert a Symbol to a BigInt")),
        Value::Object(_) => unreachable!("ToPrimitive returned an object"),
    }
}

/// StringToBigInt ( str ) (7.1.16): `Ok(None)` where the spec returns undefined, `Err` for
/// a value larger than the BigInt size limit (`resource_limits`).
pub fn string_to_big_int(string: &JsString) -> Result<Option<JsBigInt>, BigIntTooBig> {
    // 1. Let literal be ParseText(string, StringIntegerLiteral).
    step!("sec-stringtobigint", "1");
    let literal = string_integer_literal(string);
    // 2. If literal is a List of errors, return undefined.
    step!("sec-stringtobigint", "2");
    let Some((radix, digits, negative)) = literal else {
        return Ok(None);
    };
    // 3. Let mv be the MV of literal.
    step!("sec-stringtobigint", "3");
    let mv = if digits.is_empty() {
        Some(JsBigInt::new(num_bigint::BigInt::from(0)))
    } else {
        // (Err when mv has more bits than the BigInt size limit.)
        parse_digits(&digits, radix, negative)?
    };
    let Some(mv) = mv else {
        return Ok(None);
    };
    // 4. Assert: mv is an integer (a BigInt is one).
    spec_assert!("sec-stringtobigint", "4", by: "a num_bigint::BigInt is an integer");
    // 5. Return ℤ(mv).
    step!("sec-stringtobigint", "5");
    Ok(Some(mv))
}

/// ParseText(string, StringIntegerLiteral): the radix, digits (empty for a literal of
/// white space only) and sign of the literal, or `None` for a List of errors.
fn string_integer_literal(string: &JsString) -> Option<(u32, String, bool)> {
    let text = String::from_utf16(string.units()).ok()?;
    let literal = text.trim_matches(|c| is_white_space(c) || is_line_terminator(c));
    if literal.is_empty() {
        return Some((10, String::new(), false));
    }
    let (radix, digits, negative) = match non_decimal_radix(literal) {
        Some(radix) => (radix, &literal[2..], false),
        None => match literal.as_bytes()[0] {
            b'-' => (10, &literal[1..], true),
            b'+' => (10, &literal[1..], false),
            _ => (10, literal, false),
        },
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    Some((radix, digits.to_string(), negative))
}

/// ToString ( argument ) (7.1.19).
#[crate::trace::checks_tracing_once]
pub fn to_string(agent: &mut Agent, argument: &Value) -> JsResult<JsString> {
    // 1. If argument is a String, return argument.
    step!("sec-tostring", "1");
    if let Value::String(s) = argument {
        return Ok(s.clone());
    }
    // 2. If argument is a Symbol, throw a TypeError exception.
    step!("sec-tostring", "2");
    if let Value::Symbol(_) = argument {
        return Err(agent.type_error("cannot convert a Symbol value to a string"));
    }
    // 3. If argument is undefined, return "undefined".
    step!("sec-tostring", "3");
    if argument.is_undefined() {
        return Ok(JsString::from("undefined"));
    }
    // 4. If argument is null, return "null".
    step!("sec-tostring", "4");
    if let Value::Null = argument {
        return Ok(JsString::from("null"));
    }
    // 5. If argument is true, return "true".
    step!("sec-tostring", "5");
    if let Value::Boolean(true) = argument {
        return Ok(JsString::from("true"));
    }
    // 6. If argument is false, return "false".
    step!("sec-tostring", "6");
    if let Value::Boolean(false) = argument {
        return Ok(JsString::from("false"));
    }
    // 7. If argument is a Number, return Number::toString(argument, 10).
    step!("sec-tostring", "7");
    if let Value::Number(n) = argument {
        return Ok(JsString::from(number_to_string(*n)));
    }
    // 8. If argument is a BigInt, return BigInt::toString(argument, 10).
    step!("sec-tostring", "8");
    if let Value::BigInt(b) = argument {
        return Ok(b.to_js_string());
    }
    // 9. Assert: argument is an Object.
    spec_assert!("sec-tostring", "9", argument.is_object());
    // 10. Let primValue be ? ToPrimitive(argument, string).
    step!("sec-tostring", "10");
    let prim = to_primitive(agent, argument, Some(PreferredType::String))?;
    // 11. Assert: primValue is not an Object.
    spec_assert!("sec-tostring", "11", !prim.is_object());
    // 12. Return ? ToString(primValue).
    step!("sec-tostring", "12");
    to_string(agent, &prim)
}

/// ToObject ( argument ) (7.1.20).
#[crate::trace::checks_tracing_once]
pub fn to_object(agent: &mut Agent, argument: &Value) -> JsResult<Object> {
    // The steps in the order of the spec, each a test of argument's type; an Object (the
    // most frequent argument) is returned by step 8 after the others are tested. (Untraced,
    // one test skips steps 1-6 for an Object, which none of them applies to.)
    if crate::trace::enabled() || !argument.is_object() {
        // 1. If argument is either undefined or null, throw a TypeError exception.
        step!("sec-toobject", "1");
        if argument.is_nullish() {
            return Err(agent.type_error(&format!(
                "cannot convert {} to an object",
                argument.type_name()
            )));
        }
        // 2. If argument is a Boolean, return a new Boolean object whose [[BooleanData]]
        //    internal slot is set to argument. See 20.3 for a description of Boolean objects.
        step!("sec-toobject", "2");
        if let Value::Boolean(b) = argument {
            return Ok(primitive_wrapper(
                agent,
                Intrinsic::BooleanPrototype,
                ObjectKind::Boolean(*b),
            ));
        }
        // 3. If argument is a Number, return a new Number object whose [[NumberData]]
        //    internal slot is set to argument. See 21.1 for a description of Number objects.
        step!("sec-toobject", "3");
        if let Value::Number(n) = argument {
            return Ok(primitive_wrapper(
                agent,
                Intrinsic::NumberPrototype,
                ObjectKind::Number(*n),
            ));
        }
        // 4. If argument is a String, return a new String object whose [[StringData]]
        //    internal slot is set to argument. See 22.1 for a description of String objects.
        step!("sec-toobject", "4");
        if let Value::String(s) = argument {
            let prototype = agent.intrinsic(Intrinsic::StringPrototype);
            return Ok(string_create(s.clone(), prototype));
        }
        // 5. If argument is a Symbol, return a new Symbol object whose [[SymbolData]]
        //    internal slot is set to argument. See 20.4 for a description of Symbol objects.
        step!("sec-toobject", "5");
        if let Value::Symbol(s) = argument {
            return Ok(primitive_wrapper(
                agent,
                Intrinsic::SymbolPrototype,
                ObjectKind::Symbol(s.clone()),
            ));
        }
        // 6. If argument is a BigInt, return a new BigInt object whose [[BigIntData]]
        //    internal slot is set to argument. See 21.2 for a description of BigInt objects.
        step!("sec-toobject", "6");
        if let Value::BigInt(b) = argument {
            return Ok(primitive_wrapper(
                agent,
                Intrinsic::BigIntPrototype,
                ObjectKind::BigInt(b.clone()),
            ));
        }
    }
    // 7. Assert: argument is an Object.
    spec_assert!("sec-toobject", "7", argument.is_object());
    // 8. Return argument.
    step!("sec-toobject", "8");
    match argument {
        Value::Object(o) => Ok(o.clone()),
        _ => Err(agent.type_error("cannot convert to an object")),
    }
}

/// A new ordinary object with the prototype and the [[XData]] slot of a primitive
/// wrapper (ToObject steps 2, 3, 5 and 6).
fn primitive_wrapper(agent: &mut Agent, prototype: Intrinsic, kind: ObjectKind) -> Object {
    let prototype = agent.intrinsic(prototype);
    ordinary_object_create_with(Some(prototype), kind)
}

/// ToPropertyKey ( argument ) (7.1.21).
#[crate::trace::checks_tracing_once]
pub fn to_property_key(agent: &mut Agent, argument: &Value) -> JsResult<PropertyKey> {
    // 1. Let key be ? ToPrimitive(argument, string).
    //    (ToPrimitive returns a primitive argument unchanged.)
    step!("sec-topropertykey", "1");
    let key = if argument.is_object() {
        to_primitive(agent, argument, Some(PreferredType::String))?
    } else {
        argument.clone()
    };
    // 2. If key is a Symbol, then
    step!("sec-topropertykey", "2");
    if let Value::Symbol(s) = key {
        // a. Return key.
        step!("sec-topropertykey", "2.a");
        return Ok(PropertyKey::Symbol(s));
    }
    // 3. Return ! ToString(key).
    step!("sec-topropertykey", "3");
    // (An integral Number in array-index range: its ToString is the canonical numeric
    // string, which is the array index key.)
    if let Value::Number(n) = key {
        if let Some(index) = PropertyKey::array_index_of_number(n) {
            return Ok(index);
        }
    }
    match key {
        Value::String(s) => Ok(PropertyKey::from_string(s)),
        _ => Ok(PropertyKey::from_string(to_string(agent, &key)?)),
    }
}

/// ToLength ( argument ) (7.1.22).
#[crate::trace::checks_tracing_once]
pub fn to_length(agent: &mut Agent, argument: &Value) -> JsResult<u64> {
    // 1. Let len be ? ToIntegerOrInfinity(argument).
    step!("sec-tolength", "1");
    let len = to_integer_or_infinity(agent, argument)?;
    // 2. If len ≤ 0, return +0𝔽.
    step!("sec-tolength", "2");
    if len <= 0.0 {
        return Ok(0);
    }
    // 3. Return 𝔽(min(len, 2^53 - 1)).
    step!("sec-tolength", "3");
    Ok(len.min(9007199254740991.0) as u64)
}

/// CanonicalNumericIndexString ( argument ) (7.1.23): `None` for undefined.
pub fn canonical_numeric_index_string(argument: &JsString) -> Option<f64> {
    // 1. If argument is "-0", return -0𝔽.
    step!("sec-canonicalnumericindexstring", "1");
    if argument.eq_str("-0") {
        return Some(-0.0);
    }
    // 2. Let n be ! ToNumber(argument).
    step!("sec-canonicalnumericindexstring", "2");
    let n = string_to_number(argument.units());
    // 3. If ! ToString(n) is argument, return n.
    step!("sec-canonicalnumericindexstring", "3");
    if number_to_string(n) == argument.to_rust_string() {
        return Some(n);
    }
    // 4. Return undefined.
    step!("sec-canonicalnumericindexstring", "4");
    None
}

/// ToIndex ( value ) (7.1.24).
pub fn to_index(agent: &mut Agent, value: &Value) -> JsResult<u64> {
    // 1. Let integer be ? ToIntegerOrInfinity(value).
    step!("sec-toindex", "1");
    let integer = to_integer_or_infinity(agent, value)?;
    // 2. If integer is not in the inclusive interval from 0 to 2^53 - 1, throw a
    //    RangeError exception.
    step!("sec-toindex", "2");
    if !(0.0..=9007199254740991.0).contains(&integer) {
        return Err(agent.range_error("index out of range"));
    }
    // 3. Return integer.
    step!("sec-toindex", "3");
    Ok(integer as u64)
}
