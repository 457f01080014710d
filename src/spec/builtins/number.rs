//! 21.1 Number Objects (sec-number-objects): the Number constructor, its value properties
//! and functions, %Number.prototype% (a Number object whose [[NumberData]] is +0), and the
//! global functions %parseFloat% (19.2.4) and %parseInt% (19.2.5), which are also
//! Number.parseFloat and Number.parseInt and are created here.
//!
//! The digit generation of Number::toString for radixes other than 10 and of toFixed,
//! toExponential and toPrecision is exact: a finite Number is the rational m × 2^e, and the
//! digits are computed from it with arbitrary-precision integers.

use super::helpers::{define_constructor, define_method, define_value};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{create_builtin_function, BuiltinCall, BuiltinSteps};
use crate::spec::completion_record::JsResult;
use crate::spec::ecmascript_function_objects::FunctionName;
use crate::spec::number_type::number_to_string;
use crate::spec::object_kinds::{InternalSlot, ObjectKind};
use crate::spec::object_type::Object;
use crate::spec::ordinary_object_internal_methods::{
    brand_check_error, ordinary_create_from_constructor,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::type_conversion::{
    to_int32, to_integer_or_infinity, to_numeric, to_string, Numeric,
};
use crate::spec::value::Value;
use crate::syntax::literals::{is_line_terminator, is_white_space};
use num_bigint::BigUint;
use num_traits::{One, ToPrimitive, Zero};
use std::cmp::Ordering;

/// Number ( value ) (21.1.1.1).
fn number_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If value is present, then
    let n = if let Some(value) = call.args.first() {
        // a. Let prim be ? ToNumeric(value).
        match to_numeric(agent, value)? {
            // b. If prim is a BigInt, let n be 𝔽(ℝ(prim)).
            Numeric::BigInt(b) => b.to_f64(),
            // c. Otherwise, let n be prim.
            Numeric::Number(n) => n,
        }
    } else {
        // 2. Else, a. Let n be +0𝔽.
        0.0
    };
    // 3. If NewTarget is undefined, return n.
    let Some(new_target) = call.new_target else {
        return Ok(Value::Number(n));
    };
    // 4. Let O be ? OrdinaryCreateFromConstructor(NewTarget, "%Number.prototype%",
    //    « [[NumberData]] »).
    // 5. Set O.[[NumberData]] to n.
    let o = ordinary_create_from_constructor(
        agent,
        new_target,
        Intrinsic::NumberPrototype,
        ObjectKind::Number(n),
    )?;
    // 6. Return O.
    Ok(Value::Object(o))
}

/// IsIntegralNumber ( argument ) (7.2.6) on a Number.
pub fn is_integral_number(n: f64) -> bool {
    // 1. If argument is not a Number, return false.
    // 2. If argument is not finite, return false.
    // 3. If truncate(ℝ(argument)) ≠ ℝ(argument), return false.
    // 4. Return true.
    n.is_finite() && n.trunc() == n
}

/// Number.isFinite ( number ) (21.1.2.2).
fn is_finite(_agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If number is not a Number, return false.
    // 2. If number is not finite, return false.
    // 3. Otherwise, return true.
    Ok(Value::Boolean(
        matches!(call.arg(0), Value::Number(n) if n.is_finite()),
    ))
}

/// Number.isInteger ( number ) (21.1.2.3).
fn is_integer(_agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return IsIntegralNumber(number).
    Ok(Value::Boolean(
        matches!(call.arg(0), Value::Number(n) if is_integral_number(n)),
    ))
}

/// Number.isNaN ( number ) (21.1.2.4).
fn is_nan(_agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If number is not a Number, return false.
    // 2. If number is NaN, return true.
    // 3. Otherwise, return false.
    Ok(Value::Boolean(
        matches!(call.arg(0), Value::Number(n) if n.is_nan()),
    ))
}

/// Number.isSafeInteger ( number ) (21.1.2.5).
fn is_safe_integer(_agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If IsIntegralNumber(number) is true, then
    //    a. If abs(ℝ(number)) ≤ 2^53 - 1, return true.
    // 2. Return false.
    Ok(Value::Boolean(matches!(
        call.arg(0),
        Value::Number(n) if is_integral_number(n) && n.abs() <= 9007199254740991.0
    )))
}

/// Whether a code unit is WhiteSpace or LineTerminator (what TrimString removes).
pub fn is_trimmable(unit: u16) -> bool {
    char::from_u32(u32::from(unit)).is_some_and(|c| is_white_space(c) || is_line_terminator(c))
}

/// The code units of `units` without leading WhiteSpace and LineTerminator code points
/// (TrimString ( string, ~start~ ), 22.1.3.32.1).
fn trim_start(units: &[u16]) -> &[u16] {
    let start = units
        .iter()
        .position(|u| !is_trimmable(*u))
        .unwrap_or(units.len());
    &units[start..]
}

/// parseFloat ( string ) (19.2.4).
fn parse_float(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let inputString be ? ToString(string).
    let input_string = to_string(agent, &call.arg(0))?;
    // 2. Let trimmedString be ! TrimString(inputString, ~start~).
    let trimmed_string = trim_start(input_string.units());
    // 3-7. The StringNumericValue of the longest prefix that satisfies the syntax of a
    //      StrDecimalLiteral, or NaN if there is none.
    Ok(Value::Number(
        parse_str_decimal_literal_prefix(trimmed_string).unwrap_or(f64::NAN),
    ))
}

/// Steps 3-7 of parseFloat: `None` when no prefix of `trimmed` is a StrDecimalLiteral.
pub fn parse_str_decimal_literal_prefix(trimmed: &[u16]) -> Option<f64> {
    // 3. Let trimmed be StringToCodePoints(trimmedString).
    // 4. Let trimmedPrefix be the longest prefix of trimmed that satisfies the syntax of a
    //    StrDecimalLiteral, which might be trimmed itself. If there is no such prefix,
    //    return NaN.
    // 5. Let parsedNumber be ParseText(trimmedPrefix, StrDecimalLiteral).
    // 6. Assert: parsedNumber is a Parse Node.
    // 7. Return the StringNumericValue of parsedNumber.
    let at = |i: usize| trimmed.get(i).copied().unwrap_or(0);
    let is_digit = |u: u16| (u16::from(b'0')..=u16::from(b'9')).contains(&u);
    let mut i = 0;
    // StrDecimalLiteral ::: StrUnsignedDecimalLiteral | + StrUnsignedDecimalLiteral
    //                     | - StrUnsignedDecimalLiteral
    let negative = at(0) == u16::from(b'-');
    if at(0) == u16::from(b'-') || at(0) == u16::from(b'+') {
        i = 1;
    }
    let sign = if negative { -1.0 } else { 1.0 };
    // StrUnsignedDecimalLiteral ::: Infinity
    let infinity: Vec<u16> = "Infinity".encode_utf16().collect();
    if trimmed[i.min(trimmed.len())..].starts_with(&infinity) {
        return Some(sign * f64::INFINITY);
    }
    // DecimalDigits . DecimalDigits_opt ExponentPart_opt | . DecimalDigits ExponentPart_opt
    // | DecimalDigits ExponentPart_opt
    let int_start = i;
    while is_digit(at(i)) {
        i += 1;
    }
    let int_digits = &trimmed[int_start..i];
    let mut frac_digits: &[u16] = &[];
    if at(i) == u16::from(b'.') {
        let frac_start = i + 1;
        let mut j = frac_start;
        while is_digit(at(j)) {
            j += 1;
        }
        if !int_digits.is_empty() || j > frac_start {
            frac_digits = &trimmed[frac_start..j];
            i = j;
        }
    }
    if int_digits.is_empty() && frac_digits.is_empty() {
        return None;
    }
    // ExponentPart ::: ExponentIndicator SignedInteger, only when digits follow.
    let mut exponent: &[u16] = &[];
    if at(i) == u16::from(b'e') || at(i) == u16::from(b'E') {
        let mut j = i + 1;
        if at(j) == u16::from(b'+') || at(j) == u16::from(b'-') {
            j += 1;
        }
        let digits_start = j;
        while is_digit(at(j)) {
            j += 1;
        }
        if j > digits_start {
            exponent = &trimmed[i + 1..j];
        }
    }
    let text = |units: &[u16]| String::from_utf16_lossy(units);
    let literal = format!(
        "{}{}.{}e{}",
        if negative { "-" } else { "" },
        if int_digits.is_empty() {
            "0".to_string()
        } else {
            text(int_digits)
        },
        if frac_digits.is_empty() {
            "0".to_string()
        } else {
            text(frac_digits)
        },
        if exponent.is_empty() {
            "0".to_string()
        } else {
            text(exponent)
        },
    );
    // Rust's conversion is correctly rounded (RoundMVResult permits 𝔽(n)).
    Some(literal.parse::<f64>().unwrap_or(f64::NAN))
}

/// parseInt ( string, radix ) (19.2.5).
fn parse_int(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let inputString be ? ToString(string).
    let input_string = to_string(agent, &call.arg(0))?;
    // 2. Let S be ! TrimString(inputString, ~start~).
    let mut s = trim_start(input_string.units());
    // 3. Let sign be 1.
    // 4. If S is not empty and the first code unit of S is the code unit 0x002D
    //    (HYPHEN-MINUS), set sign to -1.
    let sign = if s.first() == Some(&u16::from(b'-')) {
        -1.0
    } else {
        1.0
    };
    // 5. If S is not empty and the first code unit of S is either the code unit 0x002B
    //    (PLUS SIGN) or the code unit 0x002D (HYPHEN-MINUS), set S to the substring of S
    //    from index 1.
    if matches!(s.first(), Some(&u) if u == u16::from(b'+') || u == u16::from(b'-')) {
        s = &s[1..];
    }
    // 6. Let R be ℝ(? ToInt32(radix)).
    let mut r = to_int32(agent, &call.arg(1))?;
    // 7. Let stripPrefix be true.
    let mut strip_prefix = true;
    // 8. If R ≠ 0, then
    if r != 0 {
        // a. If R < 2 or R > 36, return NaN.
        if !(2..=36).contains(&r) {
            return Ok(Value::Number(f64::NAN));
        }
        // b. If R ≠ 16, set stripPrefix to false.
        if r != 16 {
            strip_prefix = false;
        }
    } else {
        // 9. Else, a. Set R to 10.
        r = 10;
    }
    // 10. If stripPrefix is true, then
    //     a. If the length of S is at least 2 and the first two code units of S are either
    //        "0x" or "0X", then i. Set S to the substring of S from index 2. ii. Set R to 16.
    if strip_prefix
        && s.len() >= 2
        && s[0] == u16::from(b'0')
        && (s[1] == u16::from(b'x') || s[1] == u16::from(b'X'))
    {
        s = &s[2..];
        r = 16;
    }
    let radix = r as u32;
    // 11. If S contains a code unit that is not a radix-R digit, let end be the index
    //     within S of the first such code unit; otherwise, let end be the length of S.
    let end = s
        .iter()
        .position(|u| digit_value(*u).is_none_or(|d| d >= radix))
        .unwrap_or(s.len());
    // 12. Let Z be the substring of S from 0 to end.
    let z = &s[..end];
    // 13. If Z is empty, return NaN.
    if z.is_empty() {
        return Ok(Value::Number(f64::NAN));
    }
    // 14. Let mathInt be the integer value that is represented by Z in radix-R notation,
    //     using the letters A through Z and a through z for digits with values 10 through
    //     35. (The value is computed exactly and then rounded to the nearest Number, which
    //     the permitted approximations include.)
    let math_int = digits_to_f64(z, radix);
    // 15. If mathInt = 0, then a. If sign = -1, return -0𝔽. b. Return +0𝔽.
    // 16. Return 𝔽(sign × mathInt).
    Ok(Value::Number(sign * math_int))
}

/// The value of a code unit as a digit of radix up to 36.
fn digit_value(unit: u16) -> Option<u32> {
    char::from_u32(u32::from(unit)).and_then(|c| c.to_digit(36))
}

/// The Number nearest the integer that the radix-`radix` digits `z` denote.
fn digits_to_f64(z: &[u16], radix: u32) -> f64 {
    if radix == 10 {
        // Rust's decimal conversion is correctly rounded.
        return String::from_utf16_lossy(z)
            .parse::<f64>()
            .unwrap_or(f64::NAN);
    }
    let digits: Vec<u8> = z
        .iter()
        .filter_map(|u| digit_value(*u).map(|d| d as u8))
        .collect();
    BigUint::from_radix_be(&digits, radix)
        .and_then(|n| n.to_f64())
        .unwrap_or(f64::NAN)
}

/// ThisNumberValue ( value ) (21.1.3.7.1).
fn this_number_value(agent: &mut Agent, value: &Value, method: &str) -> JsResult<f64> {
    // 1. If value is a Number, return value.
    crate::step!("sec-thisnumbervalue", "1");
    if let Value::Number(n) = value {
        return Ok(*n);
    }
    // 2. If value is an Object and value has a [[NumberData]] internal slot, then
    crate::step!("sec-thisnumbervalue", "2");
    if let Value::Object(o) = value {
        if let ObjectKind::Number(n) = &o.data().kind {
            // a. Let n be value.[[NumberData]].
            crate::step!("sec-thisnumbervalue", "2.a");
            let n = *n;
            // b. Assert: n is a Number.
            crate::spec_assert!(
                "sec-thisnumbervalue",
                "2.b",
                by: "the [[NumberData]] slot holds an f64"
            );
            // c. Return n.
            crate::step!("sec-thisnumbervalue", "2.c");
            return Ok(n);
        }
    }
    // 3. Throw a TypeError exception.
    crate::step!("sec-thisnumbervalue", "3");
    Err(brand_check_error(
        agent,
        InternalSlot::NumberData,
        format_args!("Number.prototype.{method}"),
    ))
}

// ---------------------------------------------------------------------------------------
// Exact digit generation
// ---------------------------------------------------------------------------------------

/// A finite positive Number as the exact fraction num / den (den a power of two).
fn exact_fraction(x: f64) -> (BigUint, BigUint) {
    let (mantissa, exponent) = decompose(x);
    let m = BigUint::from(mantissa);
    if exponent >= 0 {
        (m << exponent as usize, BigUint::one())
    } else {
        (m, BigUint::one() << (-exponent) as usize)
    }
}

/// x = mantissa × 2^exponent, for a finite positive Number.
fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased - 1075)
    }
}

fn pow10(n: u32) -> BigUint {
    BigUint::from(10u32).pow(n)
}

/// The integer n for which n / 10^p - x is as close to zero as possible (the larger n when
/// there are two), for a finite positive x and any integer p.
fn round_scaled(x: f64, p: i32) -> BigUint {
    let (mut num, mut den) = exact_fraction(x);
    if p >= 0 {
        num *= pow10(p as u32);
    } else {
        den *= pow10((-p) as u32);
    }
    // floor(num / den + 1/2) = floor((2 num + den) / (2 den)).
    (num * 2u32 + &den) / (den * 2u32)
}

/// The integer e with 10^e ≤ x < 10^(e+1), for a finite positive x.
fn decimal_exponent(x: f64) -> i32 {
    let (num, den) = exact_fraction(x);
    let mut e = x.log10().floor() as i32;
    // x ≥ 10^e ⇔ num × 10^-e ≥ den (e ≤ 0) or num ≥ den × 10^e (e > 0).
    let compare = |e: i32| -> Ordering {
        if e >= 0 {
            num.cmp(&(&den * pow10(e as u32)))
        } else {
            (&num * pow10((-e) as u32)).cmp(&den)
        }
    };
    while compare(e) == Ordering::Less {
        e -= 1;
    }
    while compare(e + 1) != Ordering::Less {
        e += 1;
    }
    e
}

/// The integers e and n with 10^(digits-1) ≤ n < 10^digits for which
/// n × 10^(e - digits + 1) - x is as close to zero as possible (the larger product when
/// there are two), for a finite positive x: the digits of n and e.
fn exponential_digits(x: f64, digits: u32) -> (String, i32) {
    let mut e = decimal_exponent(x);
    let mut n = round_scaled(x, digits as i32 - 1 - e);
    if n >= pow10(digits) {
        n /= 10u32;
        e += 1;
    }
    (n.to_str_radix(10), e)
}

/// The shortest digits d₁…d_k in `radix` and the exponent n such that 0.d₁…d_k × radix^n
/// rounds to x (step 5 of Number::toString): Burger and Dybvig's free-format algorithm,
/// with the rounding interval closed when x's significand is even (round half to even).
fn shortest_radix_digits(x: f64, radix: u32) -> (Vec<u32>, i32) {
    let (f, e) = decompose(x);
    let even = f % 2 == 0;
    let b = BigUint::from(radix);
    let unequal_gaps = f == 1u64 << 52 && e > -1074;
    let f = BigUint::from(f);
    let (mut r, mut s, mut m_plus, mut m_minus) = if e >= 0 {
        let be = BigUint::one() << e as usize;
        if unequal_gaps {
            (f * &be * 4u32, BigUint::from(4u32), &be * 2u32, be)
        } else {
            (f * &be * 2u32, BigUint::from(2u32), be.clone(), be)
        }
    } else if unequal_gaps {
        (
            f * 4u32,
            BigUint::one() << (2 - e) as usize,
            BigUint::from(2u32),
            BigUint::one(),
        )
    } else {
        (
            f * 2u32,
            BigUint::one() << (1 - e) as usize,
            BigUint::one(),
            BigUint::one(),
        )
    };
    // k = ⌈log_radix(high)⌉, estimated and then corrected.
    let mut k = (x.log2() / f64::from(radix).log2()).ceil() as i32;
    if k >= 0 {
        s *= b.pow(k as u32);
    } else {
        let scale = b.pow((-k) as u32);
        r *= &scale;
        m_plus *= &scale;
        m_minus *= scale;
    }
    let too_low = |r: &BigUint, s: &BigUint, m_plus: &BigUint| {
        let high = r + m_plus;
        if even {
            high >= *s
        } else {
            high > *s
        }
    };
    while too_low(&r, &s, &m_plus) {
        s *= &b;
        k += 1;
    }
    while !too_low(&(&r * &b), &s, &(&m_plus * &b)) {
        r *= &b;
        m_plus *= &b;
        m_minus *= &b;
        k -= 1;
    }
    let mut digits = Vec::new();
    loop {
        r *= &b;
        m_plus *= &b;
        m_minus *= &b;
        let d = (&r / &s).to_u32().unwrap_or(0);
        r %= &s;
        let tc1 = if even { r <= m_minus } else { r < m_minus };
        let tc2 = too_low(&r, &s, &m_plus);
        match (tc1, tc2) {
            (false, false) => digits.push(d),
            (true, false) => {
                digits.push(d);
                break;
            }
            (false, true) => {
                digits.push(d + 1);
                break;
            }
            (true, true) => {
                digits.push(if &r * 2u32 < s { d } else { d + 1 });
                break;
            }
        }
    }
    // A final digit rounded up to the radix carries into the digits before it.
    while let Some(&last) = digits.last() {
        if last < radix {
            break;
        }
        digits.pop();
        match digits.last_mut() {
            Some(prev) => *prev += 1,
            None => {
                digits.push(1);
                k += 1;
                break;
            }
        }
    }
    while digits.len() > 1 && digits.last() == Some(&0) {
        digits.pop();
    }
    (digits, k)
}

/// Number::toString ( x, radix ) (6.1.6.1.20) for any radix from 2 to 36.
pub fn number_to_string_radix(x: f64, radix: u32) -> String {
    if radix == 10 {
        return number_to_string(x);
    }
    // 1. If x is NaN, return "NaN".
    if x.is_nan() {
        return "NaN".to_string();
    }
    // 2. If x is either +0𝔽 or -0𝔽, return "0".
    if x == 0.0 {
        return "0".to_string();
    }
    // 3. If x < -0𝔽, return the string-concatenation of "-" and Number::toString(-x, radix).
    if x < 0.0 {
        return format!("-{}", number_to_string_radix(-x, radix));
    }
    // 4. If x is +∞𝔽, return "Infinity".
    if x.is_infinite() {
        return "Infinity".to_string();
    }
    // 5. Let n, k, and s be integers such that k ≥ 1, radix^(k - 1) ≤ s < radix^k,
    //    𝔽(s × radix^(n - k)) is x, and k is as small as possible.
    let (digits, n) = shortest_radix_digits(x, radix);
    let k = digits.len() as i32;
    let digit = |d: &u32| char::from_digit(*d, radix).unwrap_or('0');
    let s: String = digits.iter().map(digit).collect();
    // 6. If radix ≠ 10 or n is in the inclusive interval from -5 to 21, then
    if n >= k {
        // a. If n ≥ k, return the k digits of s followed by n - k occurrences of "0".
        format!("{s}{}", "0".repeat((n - k) as usize))
    } else if n > 0 {
        // b. If n > 0, return the most significant n digits of s, ".", and the remaining
        //    k - n digits.
        format!("{}.{}", &s[..n as usize], &s[n as usize..])
    } else {
        // c. Assert: n ≤ 0. Return "0", ".", -n occurrences of "0", and the k digits of s.
        format!("0.{}{s}", "0".repeat((-n) as usize))
    }
}

/// Steps 6-12 of Number.prototype.toFixed for a Number x and an f in 0..=100.
pub fn to_fixed_string(x: f64, f: u32) -> String {
    // 6. If x is not finite, return Number::toString(x, 10).
    if !x.is_finite() {
        return number_to_string(x);
    }
    // 7. Set x to ℝ(x).
    // 8. Let s be the empty String.
    // 9. If x < 0, then a. Set s to "-". b. Set x to -x.
    let (s, x) = if x < 0.0 { ("-", -x) } else { ("", x) };
    // 10. If x ≥ 10^21, then a. Let m be ! ToString(𝔽(x)).
    let m = if x >= 1e21 {
        number_to_string(x)
    } else {
        // 11. Else,
        // a. Let n be an integer for which n / 10^f - x is as close to zero as possible.
        //    If there are two such n, pick the larger n.
        let n = if x == 0.0 {
            BigUint::zero()
        } else {
            round_scaled(x, f as i32)
        };
        // b. If n = 0, let m be "0". Otherwise, let m be the String value consisting of
        //    the digits of the decimal representation of n (in order, with no leading
        //    zeroes).
        let mut m = n.to_str_radix(10);
        // c. If f ≠ 0, then
        if f != 0 {
            // i. Let k be the length of m.
            let mut k = m.len();
            // ii. If k ≤ f, then
            if k <= f as usize {
                // 1. Let z be the String value consisting of f + 1 - k occurrences of the
                //    code unit 0x0030 (DIGIT ZERO).
                // 2. Set m to the string-concatenation of z and m.
                // 3. Set k to f + 1.
                m = format!("{}{m}", "0".repeat(f as usize + 1 - k));
                k = f as usize + 1;
            }
            // iii. Let a be the first k - f code units of m.
            // iv. Let b be the other f code units of m.
            // v. Set m to the string-concatenation of a, ".", and b.
            let split = k - f as usize;
            m = format!("{}.{}", &m[..split], &m[split..]);
        }
        m
    };
    // 12. Return the string-concatenation of s and m.
    format!("{s}{m}")
}

/// Steps 4 and 6-15 of Number.prototype.toExponential for a Number x, with `f` the
/// fraction digits (`None` when fractionDigits is undefined; else in 0..=100).
pub fn to_exponential_string(x: f64, f: Option<u32>) -> String {
    // 4. If x is not finite, return Number::toString(x, 10).
    if !x.is_finite() {
        return number_to_string(x);
    }
    // 6. Set x to ℝ(x).
    // 7. Let s be the empty String.
    // 8. If x < 0, then a. Set s to "-". b. Set x to -x.
    let (s, x) = if x < 0.0 { ("-", -x) } else { ("", x) };
    let (mut m, e) = if x == 0.0 {
        // 9. If x = 0, then a. Let m be the String value consisting of f + 1 occurrences
        //    of the code unit 0x0030 (DIGIT ZERO). b. Let e be 0.
        ("0".repeat(f.unwrap_or(0) as usize + 1), 0)
    } else if let Some(f) = f {
        // 10. Else,
        // a. If fractionDigits is not undefined, then
        //    i. Let e and n be integers such that 10^f ≤ n < 10^(f+1) and for which
        //       n × 10^(e - f) - x is as close to zero as possible. If there are two such
        //       sets of e and n, pick the e and n for which n × 10^(e - f) is larger.
        // c. Let m be the String value consisting of the digits of the decimal
        //    representation of n (in order, with no leading zeroes).
        exponential_digits(x, f + 1)
    } else {
        // b. Else, i. Let e, n, and f be integers such that f ≥ 0, 10^f ≤ n < 10^(f+1),
        //    𝔽(n × 10^(e - f)) is 𝔽(x), and f is as small as possible. Note that the
        //    decimal representation of n has f + 1 digits, n is not divisible by 10, and
        //    the least significant digit of n is not necessarily uniquely determined by
        //    these criteria. (The shortest round-trip digits, as Number::toString has them.)
        let (digits, n) = shortest_radix_digits(x, 10);
        let m: String = digits
            .iter()
            .map(|d| char::from_digit(*d, 10).unwrap_or('0'))
            .collect();
        (m, n - 1)
    };
    // 11. If f ≠ 0, then a. Let a be the first code unit of m. b. Let b be the remaining
    //     f code units of m. c. Set m to the string-concatenation of a, ".", and b.
    if m.len() > 1 {
        m = format!("{}.{}", &m[..1], &m[1..]);
    }
    // 12. If e > 0, then a. Let c be "+". b. Let d be the String value consisting of the
    //     digits of the decimal representation of e (in order, with no leading zeroes).
    // 13. Else, a. Assert: e ≤ 0. b. Let c be "-". c. Let d be ... of -e. (e = 0: "+0".)
    let (c, d) = if e >= 0 { ('+', e) } else { ('-', -e) };
    // 14. Set m to the string-concatenation of m, "e", c, and d.
    // 15. Return the string-concatenation of s and m.
    format!("{s}{m}e{c}{d}")
}

/// Steps 4 and 6-14 of Number.prototype.toPrecision for a Number x and p in 1..=100.
pub fn to_precision_string(x: f64, p: u32) -> String {
    // 4. If x is not finite, return Number::toString(x, 10).
    if !x.is_finite() {
        return number_to_string(x);
    }
    // 6. Set x to ℝ(x).
    // 7. Let s be the empty String.
    // 8. If x < 0, then a. Set s to the code unit 0x002D (HYPHEN-MINUS). b. Set x to -x.
    let (s, x) = if x < 0.0 { ("-", -x) } else { ("", x) };
    let (m, e) = if x == 0.0 {
        // 9. If x = 0, then a. Let m be the String value consisting of p occurrences of
        //    the code unit 0x0030 (DIGIT ZERO). b. Let e be 0.
        ("0".repeat(p as usize), 0)
    } else {
        // 10. Else,
        // a. Let e and n be integers such that 10^(p - 1) ≤ n < 10^p and for which
        //    n × 10^(e - p + 1) - x is as close to zero as possible. If there are two such
        //    sets of e and n, pick the e and n for which n × 10^(e - p + 1) is larger.
        // b. Let m be the String value consisting of the digits of the decimal
        //    representation of n (in order, with no leading zeroes).
        let (m, e) = exponential_digits(x, p);
        // c. If e < -6 or e ≥ p, then
        if e < -6 || e >= p as i32 {
            // i. Assert: e ≠ 0.
            // ii. If p ≠ 1, then 1. Let a be the first code unit of m. 2. Let b be the
            //     remaining p - 1 code units of m. 3. Set m to the string-concatenation of
            //     a, ".", and b.
            let m = if p != 1 {
                format!("{}.{}", &m[..1], &m[1..])
            } else {
                m
            };
            // iii. If e > 0, then 1. Let c be the code unit 0x002B (PLUS SIGN).
            // iv. Else, 1. Assert: e < 0. 2. Let c be the code unit 0x002D (HYPHEN-MINUS).
            //     3. Set e to -e.
            // v. Let d be the String value consisting of the digits of the decimal
            //    representation of e (in order, with no leading zeroes).
            // vi. Return the string-concatenation of s, m, the code unit 0x0065 (LATIN
            //     SMALL LETTER E), c, and d.
            let (c, d) = if e > 0 { ('+', e) } else { ('-', -e) };
            return format!("{s}{m}e{c}{d}");
        }
        (m, e)
    };
    // 11. If e = p - 1, return the string-concatenation of s and m.
    if e == p as i32 - 1 {
        return format!("{s}{m}");
    }
    // 12. If e ≥ 0, then a. Set m to the string-concatenation of the first e + 1 code units
    //     of m, the code unit 0x002E (FULL STOP), and the remaining p - (e + 1) code units
    //     of m.
    let m = if e >= 0 {
        format!("{}.{}", &m[..e as usize + 1], &m[e as usize + 1..])
    } else {
        // 13. Else, a. Set m to the string-concatenation of the code unit 0x0030 (DIGIT
        //     ZERO), the code unit 0x002E (FULL STOP), -(e + 1) occurrences of the code
        //     unit 0x0030 (DIGIT ZERO), and the String m.
        format!("0.{}{m}", "0".repeat((-(e + 1)) as usize))
    };
    // 14. Return the string-concatenation of s and m.
    format!("{s}{m}")
}

/// Number.prototype.toExponential ( fractionDigits ) (21.1.3.2).
fn to_exponential(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let x be ? ThisNumberValue(this value).
    let x = this_number_value(agent, call.this, "toExponential")?;
    // 2. Let f be ? ToIntegerOrInfinity(fractionDigits).
    let fraction_digits = call.arg(0);
    let f = to_integer_or_infinity(agent, &fraction_digits)?;
    // 3. Assert: If fractionDigits is undefined, then f is 0.
    // 4. If x is not finite, return Number::toString(x, 10).
    if !x.is_finite() {
        return Ok(Value::string(&number_to_string(x)));
    }
    // 5. If f < 0 or f > 100, throw a RangeError exception.
    if !(0.0..=100.0).contains(&f) {
        return Err(agent.range_error("toExponential() argument must be between 0 and 100"));
    }
    // 6-15.
    let f = (!fraction_digits.is_undefined()).then_some(f as u32);
    Ok(Value::string(&to_exponential_string(x, f)))
}

/// Number.prototype.toFixed ( fractionDigits ) (21.1.3.3).
fn to_fixed(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let x be ? ThisNumberValue(this value).
    let x = this_number_value(agent, call.this, "toFixed")?;
    // 2. Let f be ? ToIntegerOrInfinity(fractionDigits).
    let f = to_integer_or_infinity(agent, &call.arg(0))?;
    // 3. Assert: If fractionDigits is undefined, then f is 0.
    // 4. If f is not finite, throw a RangeError exception.
    // 5. If f < 0 or f > 100, throw a RangeError exception.
    if !(0.0..=100.0).contains(&f) {
        return Err(agent.range_error("toFixed() digits argument must be between 0 and 100"));
    }
    // 6-12.
    Ok(Value::string(&to_fixed_string(x, f as u32)))
}

/// Number.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] ) (21.1.3.4): without
/// ECMA-402 the String value is implementation-defined; this implementation gives the
/// same String as Number.prototype.toString with no radix.
fn to_locale_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let x = this_number_value(agent, call.this, "toLocaleString")?;
    Ok(Value::string(&number_to_string(x)))
}

/// Number.prototype.toPrecision ( precision ) (21.1.3.5).
fn to_precision(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let x be ? ThisNumberValue(this value).
    let x = this_number_value(agent, call.this, "toPrecision")?;
    // 2. If precision is undefined, return ! ToString(x).
    let precision = call.arg(0);
    if precision.is_undefined() {
        return Ok(Value::string(&number_to_string(x)));
    }
    // 3. Let p be ? ToIntegerOrInfinity(precision).
    let p = to_integer_or_infinity(agent, &precision)?;
    // 4. If x is not finite, return Number::toString(x, 10).
    if !x.is_finite() {
        return Ok(Value::string(&number_to_string(x)));
    }
    // 5. If p < 1 or p > 100, throw a RangeError exception.
    if !(1.0..=100.0).contains(&p) {
        return Err(agent.range_error("toPrecision() argument must be between 1 and 100"));
    }
    // 6-14.
    Ok(Value::string(&to_precision_string(x, p as u32)))
}

/// Number.prototype.toString ( [ radix ] ) (21.1.3.6).
fn to_string_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let x be ? ThisNumberValue(this value).
    let x = this_number_value(agent, call.this, "toString")?;
    // 2. If radix is undefined, let radixMV be 10.
    // 3. Else, let radixMV be ? ToIntegerOrInfinity(radix).
    let radix = call.arg(0);
    let radix_mv = if radix.is_undefined() {
        10.0
    } else {
        to_integer_or_infinity(agent, &radix)?
    };
    // 4. If radixMV is not in the inclusive interval from 2 to 36, throw a RangeError
    //    exception.
    if !(2.0..=36.0).contains(&radix_mv) {
        return Err(agent.range_error("toString() radix must be between 2 and 36"));
    }
    // 5. Return Number::toString(x, radixMV).
    Ok(Value::string(&number_to_string_radix(x, radix_mv as u32)))
}

/// Number.prototype.valueOf ( ) (21.1.3.7).
fn value_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return ? ThisNumberValue(this value).
    Ok(Value::Number(this_number_value(
        agent, call.this, "valueOf",
    )?))
}

/// The intrinsic `which` of `realm` when it has been created.
fn existing_intrinsic(realm: &Realm, which: Intrinsic) -> Option<Object> {
    realm.0.intrinsics.borrow()[which as usize].clone()
}

/// %parseFloat% and %parseInt% of `realm`, created here when they do not exist yet.
fn global_parse_function(
    agent: &mut Agent,
    realm: &Realm,
    which: Intrinsic,
    name: &str,
    length: f64,
    behaviour: crate::spec::builtin_function_objects::Behaviour,
) -> Object {
    if let Some(f) = existing_intrinsic(realm, which) {
        return f;
    }
    let f = create_builtin_function(
        agent,
        BuiltinSteps::Behaviour(behaviour),
        length,
        FunctionName::Key(name.into()),
        Some(realm.clone()),
        None,
        None,
        false,
    );
    realm.set_intrinsic(which, f.clone());
    f
}

/// Creates %Number% (21.1.2), the methods of %Number.prototype% (21.1.3), %parseFloat%
/// and %parseInt%.
pub fn create_number_intrinsics(agent: &mut Agent, realm: &Realm) {
    let prototype = realm.intrinsic(Intrinsic::NumberPrototype);
    let number = define_constructor(
        agent,
        realm,
        Intrinsic::Number,
        "Number",
        1,
        number_constructor,
        &prototype,
        None,
    );
    // 21.1.2.1, 21.1.2.6-21.1.2.11, 21.1.2.14, 21.1.2.15: { [[Writable]]: false,
    // [[Enumerable]]: false, [[Configurable]]: false }.
    let constants: [(&str, f64); 8] = [
        ("EPSILON", f64::EPSILON),
        ("MAX_SAFE_INTEGER", 9007199254740991.0),
        ("MAX_VALUE", f64::MAX),
        ("MIN_SAFE_INTEGER", -9007199254740991.0),
        ("MIN_VALUE", 5e-324),
        ("NaN", f64::NAN),
        ("NEGATIVE_INFINITY", f64::NEG_INFINITY),
        ("POSITIVE_INFINITY", f64::INFINITY),
    ];
    for (name, value) in constants {
        define_value(&number, name, Value::Number(value), false, false, false);
    }
    define_method(agent, &number, "isFinite", 1, is_finite);
    define_method(agent, &number, "isInteger", 1, is_integer);
    define_method(agent, &number, "isNaN", 1, is_nan);
    define_method(agent, &number, "isSafeInteger", 1, is_safe_integer);
    // 21.1.2.12 Number.parseFloat: "The initial value of the "parseFloat" property is
    // %parseFloat%." 21.1.2.13 Number.parseInt: likewise %parseInt%.
    let parse_float = global_parse_function(
        agent,
        realm,
        Intrinsic::ParseFloat,
        "parseFloat",
        1.0,
        parse_float,
    );
    define_value(
        &number,
        "parseFloat",
        Value::Object(parse_float),
        true,
        false,
        true,
    );
    let parse_int = global_parse_function(
        agent,
        realm,
        Intrinsic::ParseInt,
        "parseInt",
        2.0,
        parse_int,
    );
    define_value(
        &number,
        "parseInt",
        Value::Object(parse_int),
        true,
        false,
        true,
    );
    define_method(agent, &prototype, "toExponential", 1, to_exponential);
    define_method(agent, &prototype, "toFixed", 1, to_fixed);
    define_method(agent, &prototype, "toLocaleString", 0, to_locale_string);
    define_method(agent, &prototype, "toPrecision", 1, to_precision);
    define_method(agent, &prototype, "toString", 1, to_string_method);
    define_method(agent, &prototype, "valueOf", 0, value_of);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radix_to_string() {
        assert_eq!(number_to_string_radix(255.0, 16), "ff");
        assert_eq!(number_to_string_radix(-255.0, 2), "-11111111");
        assert_eq!(number_to_string_radix(0.5, 2), "0.1");
        assert_eq!(number_to_string_radix(35.0, 36), "z");
        assert_eq!(
            number_to_string_radix(2f64.powi(60), 2),
            format!("1{}", "0".repeat(60))
        );
        assert_eq!(number_to_string_radix(-0.0, 7), "0");
        assert_eq!(number_to_string_radix(f64::NAN, 7), "NaN");
        assert_eq!(number_to_string_radix(f64::NEG_INFINITY, 7), "-Infinity");
        assert_eq!(
            number_to_string_radix(5e-324, 2),
            format!("0.{}1", "0".repeat(1073))
        );
        // Radix 10 through the same algorithm gives the shortest digits too.
        for x in [0.1, 123.456, 1e21, 5e-324, f64::MAX, 1.0 / 3.0] {
            let (digits, n) = shortest_radix_digits(x, 10);
            let s: String = digits
                .iter()
                .map(|d| char::from_digit(*d, 10).unwrap())
                .collect();
            let back: f64 = format!("0.{s}e{n}").parse().unwrap();
            assert_eq!(back, x);
        }
    }

    /// Every radix-r string parses back (as a sum of exact digit values) to x.
    #[test]
    fn radix_round_trips() {
        for radix in (2..=36u32).filter(|r| *r != 10) {
            for x in [0.1, 3.75, 1234567.891, 1e-10, 6.02e23, 2.5e-300] {
                let s = number_to_string_radix(x, radix);
                let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
                let mut num = BigUint::from_radix_be(
                    &int.chars()
                        .chain(frac.chars())
                        .map(|c| c.to_digit(radix).unwrap() as u8)
                        .collect::<Vec<_>>(),
                    radix,
                )
                .unwrap();
                let mut den = BigUint::from(radix).pow(frac.len() as u32);
                // Reduce to a Number with correct rounding: scale into 2^53..2^54.
                let mut shift: i64 = 0;
                while num.bits() as i64 - den.bits() as i64 > 60 {
                    den <<= 1;
                    shift += 1;
                }
                while (num.bits() as i64) - (den.bits() as i64) < 60 {
                    num <<= 1;
                    shift -= 1;
                }
                let q = (num / den).to_f64().unwrap();
                let half = shift as i32 / 2;
                let back = q * 2f64.powi(half) * 2f64.powi(shift as i32 - half);
                assert_eq!(back, x, "{x} in radix {radix}: {s}");
            }
        }
    }

    #[test]
    fn fixed_exponential_precision() {
        assert_eq!(to_fixed_string(1.005, 2), "1.00");
        assert_eq!(to_fixed_string(0.5, 0), "1");
        assert_eq!(to_fixed_string(-0.5, 0), "-1");
        assert_eq!(to_fixed_string(-0.0, 2), "0.00");
        assert_eq!(to_fixed_string(-1e-10, 2), "-0.00");
        assert_eq!(to_fixed_string(1e21, 2), "1e+21");
        assert_eq!(
            to_fixed_string(1000000000000000128.0, 0),
            "1000000000000000128"
        );
        assert_eq!(to_fixed_string(0.000001, 7), "0.0000010");
        assert_eq!(to_exponential_string(123456.0, Some(2)), "1.23e+5");
        assert_eq!(to_exponential_string(123456.0, None), "1.23456e+5");
        assert_eq!(to_exponential_string(0.0, Some(2)), "0.00e+0");
        assert_eq!(to_exponential_string(-1.25, Some(1)), "-1.3e+0");
        assert_eq!(to_exponential_string(1.0, None), "1e+0");
        assert_eq!(to_exponential_string(5e-324, None), "5e-324");
        assert_eq!(to_exponential_string(9.5, Some(0)), "1e+1");
        assert_eq!(to_precision_string(123.456, 4), "123.5");
        assert_eq!(to_precision_string(0.00001, 1), "0.00001");
        assert_eq!(to_precision_string(0.000001, 2), "0.0000010");
        assert_eq!(to_precision_string(1e-7, 1), "1e-7");
        assert_eq!(to_precision_string(123456.0, 2), "1.2e+5");
        assert_eq!(to_precision_string(0.0, 3), "0.00");
        assert_eq!(to_precision_string(99.99, 2), "1.0e+2");
        assert_eq!(to_precision_string(25.0, 1), "3e+1");
    }

    #[test]
    fn parse_float_prefixes() {
        let p = |s: &str| parse_str_decimal_literal_prefix(&s.encode_utf16().collect::<Vec<_>>());
        assert_eq!(p("2.5abc"), Some(2.5));
        assert_eq!(p("-.5e1x"), Some(-5.0));
        assert_eq!(p("1e"), Some(1.0));
        assert_eq!(p("1e+"), Some(1.0));
        assert_eq!(p("Infinityx"), Some(f64::INFINITY));
        assert_eq!(p("-Infinity"), Some(f64::NEG_INFINITY));
        assert_eq!(p("."), None);
        assert_eq!(p("x1"), None);
        assert_eq!(p("0x10"), Some(0.0));
        assert!(p("-0").is_some_and(|z| z == 0.0 && z.is_sign_negative()));
    }
}
