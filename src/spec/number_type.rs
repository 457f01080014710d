//! 6.1.6.1 The Number Type (`sec-ecmascript-language-types-number-type`).

use super::type_conversion::{number_to_int32, number_to_uint32};
use crate::{spec_assert, step};
use std::fmt::Write;

/// Number::toString ( x, radix ) with radix 10 — 6.1.6.1.20, `sec-numeric-types-number-tostring`.
///
/// The other radixes (Number.prototype.toString, issue 4) need their own digit generation:
/// step 5's exact s × radix^(n−k) = ℝ(x) has no finite solution for radixes that are not
/// powers of two, and the choice of digits there is the subject of the clause's notes.
///
/// Returns the String value as Rust text (it is always ASCII).
pub fn number_to_string(x: f64) -> String {
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
        return format!("-{}", number_to_string(-x));
    }
    // 4. If x is +∞𝔽, return "Infinity".
    if x.is_infinite() {
        return "Infinity".to_string();
    }
    // 5. Let n, k, and s be integers such that k ≥ 1, radix^(k-1) ≤ s < radix^k,
    //    s × radix^(n - k) is ℝ(x), and k is as small as possible.
    //    (For radix 10 the shortest digits that round-trip; ties go to the digits closest
    //    to ℝ(x), as the clause's note recommends. ryu computes exactly these.)
    let (digits, n) = shortest_decimal_digits(x);
    let k = digits.len() as i32;
    let mut out = String::with_capacity(k as usize + 8);
    // 6. If radix ≠ 10 or n is in the inclusive interval from -5 to 21, then
    if (-5..=21).contains(&n) {
        if n >= k {
            // a. If n ≥ k, then return the k digits of s followed by n - k occurrences of "0".
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', (n - k) as usize));
        } else if n > 0 {
            // b. Else if n > 0, return the most significant n digits of s, ".", and the
            //    remaining k - n digits.
            out.push_str(&digits[..n as usize]);
            out.push('.');
            out.push_str(&digits[n as usize..]);
        } else {
            // c. Else, (i. Assert: n ≤ 0.) ii. Return "0", ".", -n occurrences of "0", and
            //    the k digits of s.
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-n) as usize));
            out.push_str(&digits);
        }
        return out;
    }
    // 7. NOTE: In this case, the input will be represented using scientific E notation.
    // 8. Assert: radix is 10.
    // 9. If n < 0, let exponentSign be "-". 10. Else, let exponentSign be "+".
    let exponent_sign = if n < 0 { '-' } else { '+' };
    if k == 1 {
        // 11. If k = 1, return the single digit of s, "e", exponentSign, and abs(n - 1).
        out.push_str(&digits);
    } else {
        // 12. Return the most significant digit of s, ".", the remaining k - 1 digits, "e",
        //     exponentSign, and abs(n - 1).
        out.push_str(&digits[..1]);
        out.push('.');
        out.push_str(&digits[1..]);
    }
    out.push('e');
    out.push(exponent_sign);
    let _ = write!(out, "{}", (n - 1).abs());
    out
}

/// The decimal digits of s (no leading or trailing zeros) and the exponent n of step 5, for
/// a finite positive x: x = 0.d₁d₂…d_k × 10ⁿ with the fewest digits that round-trip.
fn shortest_decimal_digits(x: f64) -> (String, i32) {
    let mut buffer = ryu_js::Buffer::new();
    // ryu-js writes either `ddd.ddd` or `d.ddde±x`; take its digits and its exponent.
    let text = buffer.format_finite(x);
    let (mantissa, exponent) = match text.split_once('e') {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all: String = format!("{int_part}{frac_part}");
    let leading_zeros = all.len() - all.trim_start_matches('0').len();
    let digits = all
        .trim_start_matches('0')
        .trim_end_matches('0')
        .to_string();
    // The decimal point stood after int_part: n counts digits before it, less the zeros
    // stripped from the front, plus the written exponent.
    let n = int_part.len() as i32 - leading_zeros as i32 + exponent;
    (digits, n)
}

/// Number::unaryMinus ( number ) (6.1.6.1.1).
#[crate::trace::checks_tracing_once]
pub fn number_unary_minus(x: f64) -> f64 {
    // 1. If x is NaN, return NaN.
    step!("sec-numeric-types-number-unaryMinus", "1");
    if x.is_nan() {
        return f64::NAN;
    }
    // 2. Return the negation of x; that is, compute a Number with the same magnitude but
    //    opposite sign.
    step!("sec-numeric-types-number-unaryMinus", "2");
    -x
}

/// Number::bitwiseNOT ( number ) (6.1.6.1.2).
pub fn number_bitwise_not(x: f64) -> f64 {
    // 1. Let oldValue be ! ToInt32(x).
    step!("sec-numeric-types-number-bitwiseNOT", "1");
    let old_value = number_to_int32(x);
    // 2. Return the bitwise complement of oldValue. The mathematical value of the result is
    //    exactly representable as a 32-bit two's complement bit string.
    step!("sec-numeric-types-number-bitwiseNOT", "2");
    f64::from(!old_value)
}

/// Whether a Number is an integral Number and odd.
fn is_odd_integral(n: f64) -> bool {
    n.is_finite() && n.trunc() == n && n % 2.0 != 0.0
}

/// Number::exponentiate ( base, exponent ) (6.1.6.1.3).
pub fn number_exponentiate(base: f64, exponent: f64) -> f64 {
    // 1. If exponent is NaN, return NaN.
    step!("sec-numeric-types-number-exponentiate", "1");
    if exponent.is_nan() {
        return f64::NAN;
    }
    // 2. If exponent is either +0𝔽 or -0𝔽, return 1𝔽.
    step!("sec-numeric-types-number-exponentiate", "2");
    if exponent == 0.0 {
        return 1.0;
    }
    // 3. If base is NaN, return NaN.
    step!("sec-numeric-types-number-exponentiate", "3");
    if base.is_nan() {
        return f64::NAN;
    }
    // 4. If base is +∞𝔽, then
    step!("sec-numeric-types-number-exponentiate", "4");
    if base == f64::INFINITY {
        // a. If exponent > +0𝔽, return +∞𝔽; otherwise return +0𝔽.
        step!("sec-numeric-types-number-exponentiate", "4.a");
        return if exponent > 0.0 { f64::INFINITY } else { 0.0 };
    }
    // 5. If base is -∞𝔽, then
    step!("sec-numeric-types-number-exponentiate", "5");
    if base == f64::NEG_INFINITY {
        // a. If exponent > +0𝔽, then
        step!("sec-numeric-types-number-exponentiate", "5.a");
        if exponent > 0.0 {
            // i. If exponent is an odd integral Number, return -∞𝔽; otherwise return +∞𝔽.
            step!("sec-numeric-types-number-exponentiate", "5.a.i");
            return if is_odd_integral(exponent) {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            };
        }
        // b. Else,
        step!("sec-numeric-types-number-exponentiate", "5.b");
        // i. If exponent is an odd integral Number, return -0𝔽; otherwise return +0𝔽.
        step!("sec-numeric-types-number-exponentiate", "5.b.i");
        return if is_odd_integral(exponent) { -0.0 } else { 0.0 };
    }
    // 6. If base is +0𝔽, then
    step!("sec-numeric-types-number-exponentiate", "6");
    if base == 0.0 && base.is_sign_positive() {
        // a. If exponent > +0𝔽, return +0𝔽; otherwise return +∞𝔽.
        step!("sec-numeric-types-number-exponentiate", "6.a");
        return if exponent > 0.0 { 0.0 } else { f64::INFINITY };
    }
    // 7. If base is -0𝔽, then
    step!("sec-numeric-types-number-exponentiate", "7");
    if base == 0.0 {
        // a. If exponent > +0𝔽, then
        step!("sec-numeric-types-number-exponentiate", "7.a");
        if exponent > 0.0 {
            // i. If exponent is an odd integral Number, return -0𝔽; otherwise return +0𝔽.
            step!("sec-numeric-types-number-exponentiate", "7.a.i");
            return if is_odd_integral(exponent) { -0.0 } else { 0.0 };
        }
        // b. Else,
        step!("sec-numeric-types-number-exponentiate", "7.b");
        // i. If exponent is an odd integral Number, return -∞𝔽; otherwise return +∞𝔽.
        step!("sec-numeric-types-number-exponentiate", "7.b.i");
        return if is_odd_integral(exponent) {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    // 8. Assert: base is finite and is neither +0𝔽 nor -0𝔽.
    spec_assert!(
        "sec-numeric-types-number-exponentiate",
        "8",
        base.is_finite() && base != 0.0
    );
    // 9. If exponent is +∞𝔽, then
    step!("sec-numeric-types-number-exponentiate", "9");
    if exponent == f64::INFINITY {
        // a. If abs(ℝ(base)) > 1, return +∞𝔽.
        step!("sec-numeric-types-number-exponentiate", "9.a");
        if base.abs() > 1.0 {
            return f64::INFINITY;
        }
        // b. If abs(ℝ(base)) = 1, return NaN.
        step!("sec-numeric-types-number-exponentiate", "9.b");
        if base.abs() == 1.0 {
            return f64::NAN;
        }
        // c. If abs(ℝ(base)) < 1, return +0𝔽.
        step!("sec-numeric-types-number-exponentiate", "9.c");
        return 0.0;
    }
    // 10. If exponent is -∞𝔽, then
    step!("sec-numeric-types-number-exponentiate", "10");
    if exponent == f64::NEG_INFINITY {
        // a. If abs(ℝ(base)) > 1, return +0𝔽.
        step!("sec-numeric-types-number-exponentiate", "10.a");
        if base.abs() > 1.0 {
            return 0.0;
        }
        // b. If abs(ℝ(base)) = 1, return NaN.
        step!("sec-numeric-types-number-exponentiate", "10.b");
        if base.abs() == 1.0 {
            return f64::NAN;
        }
        // c. If abs(ℝ(base)) < 1, return +∞𝔽.
        step!("sec-numeric-types-number-exponentiate", "10.c");
        return f64::INFINITY;
    }
    // 11. Assert: exponent is finite and is neither +0𝔽 nor -0𝔽.
    spec_assert!(
        "sec-numeric-types-number-exponentiate",
        "11",
        exponent.is_finite() && exponent != 0.0
    );
    // 12. If base < -0𝔽 and exponent is not an integral Number, return NaN.
    step!("sec-numeric-types-number-exponentiate", "12");
    if base < 0.0 && exponent.trunc() != exponent {
        return f64::NAN;
    }
    // 13. Return an implementation-approximated Number value representing the result of
    //     raising ℝ(base) to the ℝ(exponent) power.
    step!("sec-numeric-types-number-exponentiate", "13");
    base.powf(exponent)
}

/// Number::multiply ( x, y ) (6.1.6.1.4).
#[crate::trace::checks_tracing_once]
pub fn number_multiply(x: f64, y: f64) -> f64 {
    // 1. If x is NaN or y is NaN, return NaN.
    step!("sec-numeric-types-number-multiply", "1");
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    // 2. If x is either +∞𝔽 or -∞𝔽, then
    step!("sec-numeric-types-number-multiply", "2");
    if x.is_infinite() {
        // a. If y is either +0𝔽 or -0𝔽, return NaN.
        step!("sec-numeric-types-number-multiply", "2.a");
        if y == 0.0 {
            return f64::NAN;
        }
        // b. If y > +0𝔽, return x.
        step!("sec-numeric-types-number-multiply", "2.b");
        if y > 0.0 {
            return x;
        }
        // c. Return -x.
        step!("sec-numeric-types-number-multiply", "2.c");
        return -x;
    }
    // 3. If y is either +∞𝔽 or -∞𝔽, then
    step!("sec-numeric-types-number-multiply", "3");
    if y.is_infinite() {
        // a. If x is either +0𝔽 or -0𝔽, return NaN.
        step!("sec-numeric-types-number-multiply", "3.a");
        if x == 0.0 {
            return f64::NAN;
        }
        // b. If x > +0𝔽, return y.
        step!("sec-numeric-types-number-multiply", "3.b");
        if x > 0.0 {
            return y;
        }
        // c. Return -y.
        step!("sec-numeric-types-number-multiply", "3.c");
        return -y;
    }
    // 4. If x is -0𝔽, then
    step!("sec-numeric-types-number-multiply", "4");
    if x == 0.0 && x.is_sign_negative() {
        // a. If y is -0𝔽 or y < -0𝔽, return +0𝔽.
        step!("sec-numeric-types-number-multiply", "4.a");
        if y.is_sign_negative() {
            return 0.0;
        }
        // b. Else, return -0𝔽.
        step!("sec-numeric-types-number-multiply", "4.b");
        return -0.0;
    }
    // 5. If y is -0𝔽, then
    step!("sec-numeric-types-number-multiply", "5");
    if y == 0.0 && y.is_sign_negative() {
        // a. If x < -0𝔽, return +0𝔽.
        step!("sec-numeric-types-number-multiply", "5.a");
        if x < 0.0 {
            return 0.0;
        }
        // b. Else, return -0𝔽.
        step!("sec-numeric-types-number-multiply", "5.b");
        return -0.0;
    }
    // 6. Return 𝔽(ℝ(x) × ℝ(y)).
    step!("sec-numeric-types-number-multiply", "6");
    x * y
}

/// Number::divide ( x, y ) (6.1.6.1.5).
pub fn number_divide(x: f64, y: f64) -> f64 {
    // 1. If x is NaN or y is NaN, return NaN.
    step!("sec-numeric-types-number-divide", "1");
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    // 2. If x is either +∞𝔽 or -∞𝔽, then
    step!("sec-numeric-types-number-divide", "2");
    if x.is_infinite() {
        // a. If y is either +∞𝔽 or -∞𝔽, return NaN.
        step!("sec-numeric-types-number-divide", "2.a");
        if y.is_infinite() {
            return f64::NAN;
        }
        // b. If y is +0𝔽 or y > +0𝔽, return x.
        step!("sec-numeric-types-number-divide", "2.b");
        if y.is_sign_positive() {
            return x;
        }
        // c. Return -x.
        step!("sec-numeric-types-number-divide", "2.c");
        return -x;
    }
    // 3. If y is +∞𝔽, then
    step!("sec-numeric-types-number-divide", "3");
    if y == f64::INFINITY {
        // a. If x is +0𝔽 or x > +0𝔽, return +0𝔽; otherwise return -0𝔽.
        step!("sec-numeric-types-number-divide", "3.a");
        return if x.is_sign_positive() { 0.0 } else { -0.0 };
    }
    // 4. If y is -∞𝔽, then
    step!("sec-numeric-types-number-divide", "4");
    if y == f64::NEG_INFINITY {
        // a. If x is +0𝔽 or x > +0𝔽, return -0𝔽; otherwise return +0𝔽.
        step!("sec-numeric-types-number-divide", "4.a");
        return if x.is_sign_positive() { -0.0 } else { 0.0 };
    }
    // 5. If x is either +0𝔽 or -0𝔽, then
    step!("sec-numeric-types-number-divide", "5");
    if x == 0.0 {
        // a. If y is either +0𝔽 or -0𝔽, return NaN.
        step!("sec-numeric-types-number-divide", "5.a");
        if y == 0.0 {
            return f64::NAN;
        }
        // b. If y > +0𝔽, return x.
        step!("sec-numeric-types-number-divide", "5.b");
        if y > 0.0 {
            return x;
        }
        // c. Return -x.
        step!("sec-numeric-types-number-divide", "5.c");
        return -x;
    }
    // 6. If y is +0𝔽, then
    step!("sec-numeric-types-number-divide", "6");
    if y == 0.0 && y.is_sign_positive() {
        // a. If x > +0𝔽, return +∞𝔽; otherwise return -∞𝔽.
        step!("sec-numeric-types-number-divide", "6.a");
        return if x > 0.0 {
            f64::INFINITY
        } else {
            f64::NEG_INFINITY
        };
    }
    // 7. If y is -0𝔽, then
    step!("sec-numeric-types-number-divide", "7");
    if y == 0.0 {
        // a. If x > +0𝔽, return -∞𝔽; otherwise return +∞𝔽.
        step!("sec-numeric-types-number-divide", "7.a");
        return if x > 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    // 8. Return 𝔽(ℝ(x) / ℝ(y)).
    step!("sec-numeric-types-number-divide", "8");
    x / y
}

/// Number::remainder ( numerator, denominator ) (6.1.6.1.6). (The interpreter's fast path
/// for two Numbers computes it as fmod, which agrees with these steps.)
#[crate::trace::checks_tracing_once]
pub fn number_remainder(n: f64, d: f64) -> f64 {
    // 1. If n is NaN or d is NaN, return NaN.
    step!("sec-numeric-types-number-remainder", "1");
    if n.is_nan() || d.is_nan() {
        return f64::NAN;
    }
    // 2. If n is either +∞𝔽 or -∞𝔽, return NaN.
    step!("sec-numeric-types-number-remainder", "2");
    if n.is_infinite() {
        return f64::NAN;
    }
    // 3. If d is either +∞𝔽 or -∞𝔽, return n.
    step!("sec-numeric-types-number-remainder", "3");
    if d.is_infinite() {
        return n;
    }
    // 4. If d is either +0𝔽 or -0𝔽, return NaN.
    step!("sec-numeric-types-number-remainder", "4");
    if d == 0.0 {
        return f64::NAN;
    }
    // 5. If n is either +0𝔽 or -0𝔽, return n.
    step!("sec-numeric-types-number-remainder", "5");
    if n == 0.0 {
        return n;
    }
    // 6. Assert: n and d are finite and non-zero.
    spec_assert!(
        "sec-numeric-types-number-remainder",
        "6",
        n.is_finite() && d.is_finite() && n != 0.0 && d != 0.0
    );
    // 7. Let quotient be ℝ(n) / ℝ(d).
    // 8. Let q be truncate(quotient).
    // 9. Let r be ℝ(n) - (ℝ(d) × q).
    // (fmod computes r exactly: the mathematical remainder of two doubles is a double.)
    step!("sec-numeric-types-number-remainder", "7");
    step!("sec-numeric-types-number-remainder", "8");
    step!("sec-numeric-types-number-remainder", "9");
    let r = n % d;
    // 10. If r = 0 and n < -0𝔽, return -0𝔽.
    step!("sec-numeric-types-number-remainder", "10");
    if r == 0.0 && n < 0.0 {
        return -0.0;
    }
    // 11. Return 𝔽(r).
    step!("sec-numeric-types-number-remainder", "11");
    r
}

/// Number::add ( x, y ) (6.1.6.1.7).
#[crate::trace::checks_tracing_once]
pub fn number_add(x: f64, y: f64) -> f64 {
    // 1. If x is NaN or y is NaN, return NaN.
    step!("sec-numeric-types-number-add", "1");
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    // 2. If x is +∞𝔽 and y is -∞𝔽, return NaN.
    step!("sec-numeric-types-number-add", "2");
    if x == f64::INFINITY && y == f64::NEG_INFINITY {
        return f64::NAN;
    }
    // 3. If x is -∞𝔽 and y is +∞𝔽, return NaN.
    step!("sec-numeric-types-number-add", "3");
    if x == f64::NEG_INFINITY && y == f64::INFINITY {
        return f64::NAN;
    }
    // 4. If x is either +∞𝔽 or -∞𝔽, return x.
    step!("sec-numeric-types-number-add", "4");
    if x.is_infinite() {
        return x;
    }
    // 5. If y is either +∞𝔽 or -∞𝔽, return y.
    step!("sec-numeric-types-number-add", "5");
    if y.is_infinite() {
        return y;
    }
    // 6. Assert: x and y are both finite.
    spec_assert!(
        "sec-numeric-types-number-add",
        "6",
        x.is_finite() && y.is_finite()
    );
    // 7. If x is -0𝔽 and y is -0𝔽, return -0𝔽.
    step!("sec-numeric-types-number-add", "7");
    if x == 0.0 && y == 0.0 && x.is_sign_negative() && y.is_sign_negative() {
        return -0.0;
    }
    // 8. Return 𝔽(ℝ(x) + ℝ(y)).
    step!("sec-numeric-types-number-add", "8");
    x + y
}

/// Number::subtract ( x, y ) (6.1.6.1.8).
#[crate::trace::checks_tracing_once]
pub fn number_subtract(x: f64, y: f64) -> f64 {
    // 1. Return Number::add(x, Number::unaryMinus(y)).
    step!("sec-numeric-types-number-subtract", "1");
    number_add(x, number_unary_minus(y))
}

/// Number::leftShift ( x, y ) (6.1.6.1.9).
pub fn number_left_shift(x: f64, y: f64) -> f64 {
    // 1. Let lNum be ! ToInt32(x).
    step!("sec-numeric-types-number-leftShift", "1");
    let l_num = number_to_int32(x);
    // 2. Let rNum be ! ToUint32(y).
    step!("sec-numeric-types-number-leftShift", "2");
    let r_num = number_to_uint32(y);
    // 3. Let shiftCount be ℝ(rNum) modulo 32.
    step!("sec-numeric-types-number-leftShift", "3");
    let shift_count = r_num & 31;
    // 4. Return the result of left shifting lNum by shiftCount bits. The mathematical value
    //    of the result is exactly representable as a 32-bit two's complement bit string.
    step!("sec-numeric-types-number-leftShift", "4");
    f64::from(l_num.wrapping_shl(shift_count))
}

/// Number::signedRightShift ( x, y ) (6.1.6.1.10).
pub fn number_signed_right_shift(x: f64, y: f64) -> f64 {
    // 1. Let lNum be ! ToInt32(x).
    step!("sec-numeric-types-number-signedRightShift", "1");
    let l_num = number_to_int32(x);
    // 2. Let rNum be ! ToUint32(y).
    step!("sec-numeric-types-number-signedRightShift", "2");
    let r_num = number_to_uint32(y);
    // 3. Let shiftCount be ℝ(rNum) modulo 32.
    step!("sec-numeric-types-number-signedRightShift", "3");
    let shift_count = r_num & 31;
    // 4. Return the result of performing a sign-extending right shift of lNum by shiftCount
    //    bits. ...
    step!("sec-numeric-types-number-signedRightShift", "4");
    f64::from(l_num >> shift_count)
}

/// Number::unsignedRightShift ( x, y ) (6.1.6.1.11).
pub fn number_unsigned_right_shift(x: f64, y: f64) -> f64 {
    // 1. Let lNum be ! ToUint32(x).
    step!("sec-numeric-types-number-unsignedRightShift", "1");
    let l_num = number_to_uint32(x);
    // 2. Let rNum be ! ToUint32(y).
    step!("sec-numeric-types-number-unsignedRightShift", "2");
    let r_num = number_to_uint32(y);
    // 3. Let shiftCount be ℝ(rNum) modulo 32.
    step!("sec-numeric-types-number-unsignedRightShift", "3");
    let shift_count = r_num & 31;
    // 4. Return the result of performing a zero-filling right shift of lNum by shiftCount
    //    bits. ...
    step!("sec-numeric-types-number-unsignedRightShift", "4");
    f64::from(l_num >> shift_count)
}

/// Number::lessThan ( x, y ) (6.1.6.1.12): `None` for undefined.
#[crate::trace::checks_tracing_once]
pub fn number_less_than(x: f64, y: f64) -> Option<bool> {
    // 1. If x is NaN, return undefined.
    step!("sec-numeric-types-number-lessThan", "1");
    if x.is_nan() {
        return None;
    }
    // 2. If y is NaN, return undefined.
    step!("sec-numeric-types-number-lessThan", "2");
    if y.is_nan() {
        return None;
    }
    // 3. If x is y, return false.
    step!("sec-numeric-types-number-lessThan", "3");
    if x == y && x.is_sign_negative() == y.is_sign_negative() {
        return Some(false);
    }
    // 4. If x is +0𝔽 and y is -0𝔽, return false.
    step!("sec-numeric-types-number-lessThan", "4");
    if x == 0.0 && y == 0.0 && x.is_sign_positive() && y.is_sign_negative() {
        return Some(false);
    }
    // 5. If x is -0𝔽 and y is +0𝔽, return false.
    step!("sec-numeric-types-number-lessThan", "5");
    if x == 0.0 && y == 0.0 && x.is_sign_negative() && y.is_sign_positive() {
        return Some(false);
    }
    // 6. If x is +∞𝔽, return false.
    step!("sec-numeric-types-number-lessThan", "6");
    if x == f64::INFINITY {
        return Some(false);
    }
    // 7. If y is +∞𝔽, return true.
    step!("sec-numeric-types-number-lessThan", "7");
    if y == f64::INFINITY {
        return Some(true);
    }
    // 8. If y is -∞𝔽, return false.
    step!("sec-numeric-types-number-lessThan", "8");
    if y == f64::NEG_INFINITY {
        return Some(false);
    }
    // 9. If x is -∞𝔽, return true.
    step!("sec-numeric-types-number-lessThan", "9");
    if x == f64::NEG_INFINITY {
        return Some(true);
    }
    // 10. Assert: x and y are finite.
    spec_assert!(
        "sec-numeric-types-number-lessThan",
        "10",
        x.is_finite() && y.is_finite()
    );
    // 11. If ℝ(x) < ℝ(y), return true; otherwise return false.
    step!("sec-numeric-types-number-lessThan", "11");
    Some(x < y)
}

/// Number::equal ( x, y ) (6.1.6.1.13).
#[crate::trace::checks_tracing_once]
pub fn number_equal(x: f64, y: f64) -> bool {
    // 1. If x is NaN, return false.
    step!("sec-numeric-types-number-equal", "1");
    if x.is_nan() {
        return false;
    }
    // 2. If y is NaN, return false.
    step!("sec-numeric-types-number-equal", "2");
    if y.is_nan() {
        return false;
    }
    // 3. If x is y, return true.
    step!("sec-numeric-types-number-equal", "3");
    if x == y && x.is_sign_negative() == y.is_sign_negative() {
        return true;
    }
    // 4. If x is +0𝔽 and y is -0𝔽, return true.
    step!("sec-numeric-types-number-equal", "4");
    if x == 0.0 && y == 0.0 && x.is_sign_positive() && y.is_sign_negative() {
        return true;
    }
    // 5. If x is -0𝔽 and y is +0𝔽, return true.
    step!("sec-numeric-types-number-equal", "5");
    if x == 0.0 && y == 0.0 && x.is_sign_negative() && y.is_sign_positive() {
        return true;
    }
    // 6. Return false.
    step!("sec-numeric-types-number-equal", "6");
    false
}

/// Number::sameValue ( x, y ) (6.1.6.1.14).
pub fn number_same_value(x: f64, y: f64) -> bool {
    // 1. If x is NaN and y is NaN, return true.
    step!("sec-numeric-types-number-sameValue", "1");
    if x.is_nan() && y.is_nan() {
        return true;
    }
    // 2. If x is +0𝔽 and y is -0𝔽, return false.
    step!("sec-numeric-types-number-sameValue", "2");
    if x == 0.0 && y == 0.0 && x.is_sign_positive() && y.is_sign_negative() {
        return false;
    }
    // 3. If x is -0𝔽 and y is +0𝔽, return false.
    step!("sec-numeric-types-number-sameValue", "3");
    if x == 0.0 && y == 0.0 && x.is_sign_negative() && y.is_sign_positive() {
        return false;
    }
    // 4. If x is y, return true.
    step!("sec-numeric-types-number-sameValue", "4");
    if x == y {
        return true;
    }
    // 5. Return false.
    step!("sec-numeric-types-number-sameValue", "5");
    false
}

/// Number::sameValueZero ( x, y ) (6.1.6.1.15).
pub fn number_same_value_zero(x: f64, y: f64) -> bool {
    // 1. If x is NaN and y is NaN, return true.
    step!("sec-numeric-types-number-sameValueZero", "1");
    if x.is_nan() && y.is_nan() {
        return true;
    }
    // 2. If x is +0𝔽 and y is -0𝔽, return true.
    step!("sec-numeric-types-number-sameValueZero", "2");
    if x == 0.0 && y == 0.0 && x.is_sign_positive() && y.is_sign_negative() {
        return true;
    }
    // 3. If x is -0𝔽 and y is +0𝔽, return true.
    step!("sec-numeric-types-number-sameValueZero", "3");
    if x == 0.0 && y == 0.0 && x.is_sign_negative() && y.is_sign_positive() {
        return true;
    }
    // 4. If x is y, return true.
    step!("sec-numeric-types-number-sameValueZero", "4");
    if x == y {
        return true;
    }
    // 5. Return false.
    step!("sec-numeric-types-number-sameValueZero", "5");
    false
}

/// The op of NumberBitwiseOp and BigIntBitwiseOp.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BitwiseOp {
    And,
    Xor,
    Or,
}

/// NumberBitwiseOp ( op, x, y ) (6.1.6.1.16).
pub fn number_bitwise_op(op: BitwiseOp, x: f64, y: f64) -> f64 {
    // 1. Let lNum be ! ToInt32(x).
    step!("sec-numberbitwiseop", "1");
    let l_num = number_to_int32(x);
    // 2. Let rNum be ! ToInt32(y).
    step!("sec-numberbitwiseop", "2");
    let r_num = number_to_int32(y);
    // 3. Let lBits be the 32-bit two's complement bit string representing ℝ(lNum).
    // 4. Let rBits be the 32-bit two's complement bit string representing ℝ(rNum).
    // (an i32 is that bit string)
    step!("sec-numberbitwiseop", "3");
    step!("sec-numberbitwiseop", "4");
    let (l_bits, r_bits) = (l_num, r_num);
    // 5. If op is &, then
    step!("sec-numberbitwiseop", "5");
    let result = if op == BitwiseOp::And {
        // a. Let result be the result of applying the bitwise AND operation to lBits and
        //    rBits.
        step!("sec-numberbitwiseop", "5.a");
        l_bits & r_bits
    } else {
        // 6. Else if op is ^, then
        step!("sec-numberbitwiseop", "6");
        if op == BitwiseOp::Xor {
            // a. Let result be the result of applying the bitwise exclusive OR (XOR)
            //    operation to lBits and rBits.
            step!("sec-numberbitwiseop", "6.a");
            l_bits ^ r_bits
        } else {
            // 7. Else,
            step!("sec-numberbitwiseop", "7");
            // a. Assert: op is |.
            spec_assert!("sec-numberbitwiseop", "7.a", op == BitwiseOp::Or);
            // b. Let result be the result of applying the bitwise inclusive OR operation to
            //    lBits and rBits.
            step!("sec-numberbitwiseop", "7.b");
            l_bits | r_bits
        }
    };
    // 8. Return the Number value for the integer represented by the 32-bit two's complement
    //    bit string result.
    step!("sec-numberbitwiseop", "8");
    f64::from(result)
}

/// Number::bitwiseAND ( x, y ) (6.1.6.1.17).
pub fn number_bitwise_and(x: f64, y: f64) -> f64 {
    // 1. Return NumberBitwiseOp(&, x, y).
    step!("sec-numeric-types-number-bitwiseAND", "1");
    number_bitwise_op(BitwiseOp::And, x, y)
}

/// Number::bitwiseXOR ( x, y ) (6.1.6.1.18).
pub fn number_bitwise_xor(x: f64, y: f64) -> f64 {
    // 1. Return NumberBitwiseOp(^, x, y).
    step!("sec-numeric-types-number-bitwiseXOR", "1");
    number_bitwise_op(BitwiseOp::Xor, x, y)
}

/// Number::bitwiseOR ( x, y ) (6.1.6.1.19).
pub fn number_bitwise_or(x: f64, y: f64) -> f64 {
    // 1. Return NumberBitwiseOp(|, x, y).
    step!("sec-numeric-types-number-bitwiseOR", "1");
    number_bitwise_op(BitwiseOp::Or, x, y)
}

#[cfg(test)]
mod tests {
    use super::number_to_string;

    #[test]
    fn special_values() {
        assert_eq!(number_to_string(f64::NAN), "NaN");
        assert_eq!(number_to_string(0.0), "0");
        assert_eq!(number_to_string(-0.0), "0");
        assert_eq!(number_to_string(f64::INFINITY), "Infinity");
        assert_eq!(number_to_string(f64::NEG_INFINITY), "-Infinity");
    }

    /// Expected strings follow steps 6–12 by hand: n is the position of the decimal point
    /// relative to the shortest digits.
    #[test]
    fn fixed_notation_for_n_from_minus_5_to_21() {
        assert_eq!(number_to_string(1.0), "1");
        assert_eq!(number_to_string(-42.0), "-42");
        assert_eq!(number_to_string(123.456), "123.456");
        assert_eq!(number_to_string(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(number_to_string(0.000001), "0.000001"); // n = -5
        assert_eq!(number_to_string(1e20), "100000000000000000000"); // n = 21
        assert_eq!(number_to_string(123e18), "123000000000000000000");
        assert_eq!(number_to_string(9007199254740992.0), "9007199254740992");
    }

    #[test]
    fn exponent_notation_outside() {
        assert_eq!(number_to_string(1e21), "1e+21"); // n = 22
        assert_eq!(number_to_string(1.5e21), "1.5e+21");
        assert_eq!(number_to_string(1e-7), "1e-7"); // n = -6
        assert_eq!(number_to_string(1.23e-18), "1.23e-18");
        assert_eq!(number_to_string(f64::MAX), "1.7976931348623157e+308");
        assert_eq!(number_to_string(5e-324), "5e-324");
        assert_eq!(number_to_string(-2.5e-7), "-2.5e-7");
    }
}

/// The IEEE 754-2019 binary16 encoding of `x` converted to binary16 with roundTiesToEven
/// (NumericToRawBytes step 1.a, before the byte order): rounded once, directly from
/// binary64 (a detour through binary32 would round twice). A NaN encodes as the quiet NaN
/// 0x7E00 (with `x`'s sign), the one encoding this implementation chooses.
pub fn to_binary16_bits(x: f64) -> u16 {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return sign | 0x7e00;
    }
    let a = x.abs();
    // Halfway between the largest finite binary16 value (65504) and 2^16 rounds to even,
    // which is +∞ (65504's significand is odd).
    if a >= 65520.0 {
        return sign | 0x7c00;
    }
    // Below the smallest normal (2^-14) values are multiples of 2^-24: the encoding is the
    // multiple itself (1024, rounding up to 2^-14, is that normal's encoding too). The
    // scaling by a power of two is exact.
    if a < 2f64.powi(-14) {
        return sign | (a * 2f64.powi(24)).round_ties_even() as u16;
    }
    // A normal: 2^e × (1 + f/1024) with e the binary64 exponent of a (a is normal there).
    let mut e = ((a.to_bits() >> 52) & 0x7ff) as i32 - 1023;
    let mut m = (a * 2f64.powi(10 - e)).round_ties_even() as u16;
    if m == 2048 {
        e += 1;
        m = 1024;
    }
    sign | (((e + 15) as u16) << 10) | (m - 1024)
}

/// The Number value of the IEEE 754-2019 binary16 value encoded by `bits` (RawBytesToNumeric
/// step 3): every NaN encoding gives NaN.
pub fn from_binary16_bits(bits: u16) -> f64 {
    let sign = if bits & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exponent = i32::from((bits >> 10) & 0x1f);
    let fraction = f64::from(bits & 0x3ff);
    match exponent {
        0 => sign * fraction * 2f64.powi(-24),
        31 if fraction == 0.0 => sign * f64::INFINITY,
        31 => f64::NAN,
        _ => sign * (1024.0 + fraction) * 2f64.powi(exponent - 25),
    }
}

#[cfg(test)]
mod binary16_tests {
    use super::{from_binary16_bits, to_binary16_bits};

    #[test]
    fn round_trips_every_binary16_value() {
        for bits in 0..=u16::MAX {
            let x = from_binary16_bits(bits);
            if x.is_nan() {
                continue;
            }
            assert_eq!(to_binary16_bits(x), bits, "{bits:#06x} = {x}");
        }
    }

    #[test]
    fn rounds_ties_to_even_once() {
        // 1 + 2^-11 is halfway between 1 and 1 + 2^-10: ties to even (1).
        assert_eq!(to_binary16_bits(1.0 + 2f64.powi(-11)), 0x3c00);
        // Just above the tie rounds up (a detour through binary32 would lose this).
        assert_eq!(
            to_binary16_bits(1.0 + 2f64.powi(-11) + 2f64.powi(-40)),
            0x3c01
        );
        assert_eq!(to_binary16_bits(65519.0), 0x7bff);
        assert_eq!(to_binary16_bits(65520.0), 0x7c00);
        assert_eq!(to_binary16_bits(2f64.powi(-25)), 0x0000);
        assert_eq!(to_binary16_bits(2f64.powi(-25) + 2f64.powi(-60)), 0x0001);
        assert_eq!(to_binary16_bits(-0.0), 0x8000);
        assert_eq!(to_binary16_bits(f64::NEG_INFINITY), 0xfc00);
    }
}
