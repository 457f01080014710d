//! 7.1 Type Conversion (`sec-type-conversion`): the conversions that need no realm.

use crate::syntax::literals::{
    is_line_terminator, is_white_space, non_decimal_radix, power_of_two_radix_to_f64,
};

/// StringToNumber ( string ) — 7.1.4.1.1, `sec-stringtonumber`.
pub fn string_to_number(string: &[u16]) -> f64 {
    // 1. Let literal be ParseText(string, StringNumericLiteral).
    // 2. If literal is a List of errors, return NaN.
    // 3. Return the StringNumericValue of literal.
    // (A lone surrogate matches no production of StringNumericLiteral.)
    let Ok(text) = String::from_utf16(string) else {
        return f64::NAN;
    };
    string_numeric_value(&text).unwrap_or(f64::NAN)
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
