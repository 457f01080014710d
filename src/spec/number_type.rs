//! 6.1.6.1 The Number Type (`sec-ecmascript-language-types-number-type`).

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

/// Number::exponentiate ( base, exponent ) (6.1.6.1.3).
pub fn number_exponentiate(base: f64, exponent: f64) -> f64 {
    // 1. If exponent is NaN, return NaN.
    if exponent.is_nan() {
        return f64::NAN;
    }
    // 2. If exponent is either +0𝔽 or -0𝔽, return 1𝔽.
    if exponent == 0.0 {
        return 1.0;
    }
    // 3. If base is NaN, return NaN.
    if base.is_nan() {
        return f64::NAN;
    }
    // 9. If exponent is +∞𝔽 / -∞𝔽 and abs(ℝ(base)) = 1, return NaN.
    if exponent.is_infinite() && base.abs() == 1.0 {
        return f64::NAN;
    }
    // The remaining steps agree with IEEE 754 pow.
    base.powf(exponent)
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
