//! The values of literal tokens: NumericLiteral MV, string literal SV, template TV/TRV and
//! IdentifierName StringValue (ECMA-262 12.7–12.9), with their lexical early errors.

/// A decoded NumericLiteral.
#[derive(Clone, Debug, PartialEq)]
pub enum NumericValue {
    Number(f64),
    /// Digits of a BigInt literal: separators and the `n` removed, the radix prefix kept.
    BigInt(String),
}

/// The result of decoding a numeric literal, with whether it is a legacy form that strict
/// mode code forbids (LegacyOctalIntegerLiteral, NonOctalDecimalIntegerLiteral).
pub struct Numeric {
    pub value: NumericValue,
    pub legacy: bool,
}

/// The MV of a NumericLiteral (12.9.3.1), rounded to the nearest Number.
pub fn numeric_value(text: &str) -> Result<Numeric, String> {
    let bytes = text.as_bytes();
    // A DecimalIntegerLiteral of at most 15 digits without a leading zero (the common
    // literal): its MV is an integer below 2^53, so the Number is exact.
    if !bytes.is_empty()
        && bytes.len() <= 15
        && (bytes[0] != b'0' || bytes.len() == 1)
        && bytes.iter().all(u8::is_ascii_digit)
    {
        let value = bytes
            .iter()
            .fold(0u64, |n, digit| n * 10 + u64::from(digit - b'0'));
        return Ok(Numeric {
            value: NumericValue::Number(value as f64),
            legacy: false,
        });
    }
    let is_bigint = text.ends_with('n');
    let body = if is_bigint {
        &text[..text.len() - 1]
    } else {
        text
    };
    if bytes.len() >= 2 && bytes[0] == b'0' {
        if let Some(radix) = non_decimal_radix(text) {
            let digits: String = body[2..].chars().filter(|c| *c != '_').collect();
            if is_bigint {
                let prefix = &body[..2].to_ascii_lowercase();
                return Ok(Numeric {
                    value: NumericValue::BigInt(format!("{prefix}{digits}")),
                    legacy: false,
                });
            }
            return Ok(Numeric {
                value: NumericValue::Number(power_of_two_radix_to_f64(&digits, radix)),
                legacy: false,
            });
        }
        if bytes[1].is_ascii_digit() {
            if is_bigint {
                return Err("a BigInt literal cannot have a leading zero".into());
            }
            let int_part: &str = body.split(['.', 'e', 'E']).next().unwrap_or(body);
            if int_part.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
                // LegacyOctalIntegerLiteral: no fraction or exponent may follow.
                if int_part.len() != body.len() {
                    return Err("a legacy octal literal cannot have a fraction or exponent".into());
                }
                return Ok(Numeric {
                    value: NumericValue::Number(power_of_two_radix_to_f64(&int_part[1..], 8)),
                    legacy: true,
                });
            }
            // NonOctalDecimalIntegerLiteral, possibly with a fraction and exponent.
            let value = body
                .parse::<f64>()
                .map_err(|_| format!("invalid numeric literal {text}"))?;
            return Ok(Numeric {
                value: NumericValue::Number(value),
                legacy: true,
            });
        }
    }
    let digits: String = body.chars().filter(|c| *c != '_').collect();
    if is_bigint {
        return Ok(Numeric {
            value: NumericValue::BigInt(digits),
            legacy: false,
        });
    }
    let value = digits
        .parse::<f64>()
        .map_err(|_| format!("invalid numeric literal {text}"))?;
    Ok(Numeric {
        value: NumericValue::Number(value),
        legacy: false,
    })
}

/// The radix of a NonDecimalIntegerLiteral from its `0x` / `0o` / `0b` prefix (either case).
pub fn non_decimal_radix(text: &str) -> Option<u32> {
    match text.as_bytes() {
        [b'0', b'x' | b'X', ..] => Some(16),
        [b'0', b'o' | b'O', ..] => Some(8),
        [b'0', b'b' | b'B', ..] => Some(2),
        _ => None,
    }
}

/// Converts digits in radix 2, 8 or 16 to the nearest f64 (round half to even), exactly:
/// the bits of such a numeral are the concatenation of its digits' bits.
pub fn power_of_two_radix_to_f64(digits: &str, radix: u32) -> f64 {
    let bits_per_digit = radix.trailing_zeros() as usize;
    let mut bits: Vec<bool> = Vec::with_capacity(digits.len() * bits_per_digit);
    for c in digits.chars() {
        let d = c.to_digit(radix).unwrap_or(0);
        for i in (0..bits_per_digit).rev() {
            bits.push((d >> i) & 1 == 1);
        }
    }
    let first_one = match bits.iter().position(|b| *b) {
        Some(i) => i,
        None => return 0.0,
    };
    let bits = &bits[first_one..];
    let exponent = bits.len() as i32 - 1;
    if bits.len() <= 53 {
        return bits.iter().fold(0u64, |acc, b| (acc << 1) | u64::from(*b)) as f64;
    }
    let mut mantissa = bits[..53]
        .iter()
        .fold(0u64, |acc, b| (acc << 1) | u64::from(*b));
    let half = bits[53];
    let sticky = bits[54..].iter().any(|b| *b);
    if half && (sticky || mantissa & 1 == 1) {
        mantissa += 1;
    }
    // mantissa may now be 2^53; the multiplication below handles that exactly.
    if exponent > 1023 + 52 {
        return f64::INFINITY;
    }
    (mantissa as f64) * 2f64.powi(exponent - 52)
}

/// What decoding a string literal found besides its value.
pub struct DecodedString {
    pub value: Vec<u16>,
    /// LegacyOctalEscapeSequence or NonOctalDecimalEscapeSequence: forbidden in strict code.
    pub legacy_escape: bool,
}

/// The SV of a StringLiteral's contents (between the quotes).
pub fn string_value(body: &str) -> Result<DecodedString, String> {
    let mut out = Vec::with_capacity(body.len());
    let mut legacy_escape = false;
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            push_utf16(&mut out, c);
            continue;
        }
        let Some(e) = chars.next() else {
            return Err("unterminated escape sequence".into());
        };
        if let Some(unit) = single_character_escape(e) {
            out.push(unit);
            continue;
        }
        if is_line_continuation(e, &mut chars) {
            continue;
        }
        match e {
            '0'..='7' => {
                let first = e as u32 - '0' as u32;
                let next_is_digit = chars.peek().is_some_and(|c| c.is_ascii_digit());
                if first == 0 && !next_is_digit {
                    out.push(0);
                    continue;
                }
                legacy_escape = true;
                // LegacyOctalEscapeSequence: up to three octal digits, value < 256.
                let mut value = first;
                let max_len = if first <= 3 { 3 } else { 2 };
                let mut len = 1;
                while len < max_len {
                    match chars.peek() {
                        Some(d @ '0'..='7') => {
                            value = value * 8 + (*d as u32 - '0' as u32);
                            chars.next();
                            len += 1;
                        }
                        _ => break,
                    }
                }
                out.push(value as u16);
            }
            '8' | '9' => {
                legacy_escape = true;
                out.push(e as u16);
            }
            'x' => {
                let value = hex_digits_fixed(&mut chars, 2)
                    .ok_or("\\x must be followed by two hexadecimal digits")?;
                out.push(value as u16);
            }
            'u' => {
                let cp = unicode_escape_value(&mut chars)?;
                push_code_point(&mut out, cp);
            }
            other => push_utf16(&mut out, other),
        }
    }
    Ok(DecodedString {
        value: out,
        legacy_escape,
    })
}

/// TV and TRV of a template chunk (the text between `` ` ``/`}` and `${`/`` ` ``).
/// TV is `None` when the chunk contains a NotEscapeSequence.
pub fn template_values(chunk: &str) -> (Option<Vec<u16>>, Vec<u16>) {
    let mut raw = Vec::with_capacity(chunk.len());
    let mut chars = chunk.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            raw.push(0x0A);
        } else {
            push_utf16(&mut raw, c);
        }
    }
    (template_cooked(chunk), raw)
}

fn template_cooked(chunk: &str) -> Option<Vec<u16>> {
    let mut out = Vec::with_capacity(chunk.len());
    let mut chars = chunk.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push(0x0A);
            continue;
        }
        if c != '\\' {
            push_utf16(&mut out, c);
            continue;
        }
        let e = chars.next()?;
        if let Some(unit) = single_character_escape(e) {
            out.push(unit);
            continue;
        }
        if is_line_continuation(e, &mut chars) {
            continue;
        }
        match e {
            '0' if !chars.peek().is_some_and(|c| c.is_ascii_digit()) => out.push(0),
            '0'..='9' => return None,
            'x' => out.push(hex_digits_fixed(&mut chars, 2)? as u16),
            'u' => {
                let cp = unicode_escape_value(&mut chars).ok()?;
                push_code_point(&mut out, cp);
            }
            other => push_utf16(&mut out, other),
        }
    }
    Some(out)
}

/// The StringValue of an IdentifierName, with escapes decoded and each code point
/// checked against ID_Start / ID_Continue. Returns the name and whether it had escapes.
pub fn identifier_value(text: &str) -> Result<(String, bool), String> {
    if !text.contains('\\') && text.is_ascii() {
        return Ok((text.to_string(), false));
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut first = true;
    let mut escaped = false;
    let is_private = text.starts_with('#');
    if is_private {
        chars.next();
        out.push('#');
    }
    while let Some(c) = chars.next() {
        let cp = if c == '\\' {
            escaped = true;
            if chars.next() != Some('u') {
                return Err("invalid escape in identifier".into());
            }
            let cp = unicode_escape_value(&mut chars)?;
            char::from_u32(cp).ok_or("invalid escape in identifier")?
        } else {
            c
        };
        let valid = if first {
            is_identifier_start(cp)
        } else {
            is_identifier_part(cp)
        };
        if !valid {
            return Err(format!(
                "U+{:04X} cannot {} an identifier",
                cp as u32,
                if first { "start" } else { "be part of" }
            ));
        }
        out.push(cp);
        first = false;
    }
    Ok((out, escaped))
}

/// WhiteSpace (12.2): TAB, VT, FF, ZWNBSP and every Zs code point.
pub fn is_white_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\u{0B}' | '\u{0C}' | '\u{FEFF}' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// LineTerminator (12.3): LF, CR, LS, PS.
pub fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// IdentifierStartChar.
pub fn is_identifier_start(c: char) -> bool {
    c == '$' || c == '_' || unicode_id_start::is_id_start(c)
}

/// IdentifierPartChar.
pub fn is_identifier_part(c: char) -> bool {
    c == '$' || c == '\u{200C}' || c == '\u{200D}' || unicode_id_start::is_id_continue(c)
}

/// SingleEscapeCharacter other than the quotes and backslash, which stand for themselves:
/// `\n \t \r \b \f \v`.
fn single_character_escape(e: char) -> Option<u16> {
    Some(match e {
        'n' => 0x0A,
        't' => 0x09,
        'r' => 0x0D,
        'b' => 0x08,
        'f' => 0x0C,
        'v' => 0x0B,
        _ => return None,
    })
}

/// A LineContinuation (`\` then a LineTerminatorSequence) contributes nothing; `e` is the
/// character after the backslash, and a CR LF pair is consumed whole.
fn is_line_continuation(e: char, chars: &mut std::iter::Peekable<std::str::Chars>) -> bool {
    match e {
        '\r' => {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            true
        }
        '\n' | '\u{2028}' | '\u{2029}' => true,
        _ => false,
    }
}

fn hex_digits_fixed(chars: &mut std::iter::Peekable<std::str::Chars>, n: usize) -> Option<u32> {
    let mut value = 0;
    for _ in 0..n {
        let d = chars.peek()?.to_digit(16)?;
        chars.next();
        value = value * 16 + d;
    }
    Some(value)
}

/// The code point of `\u` escape after the `u`: `XXXX` or `{X...}` (at most 0x10FFFF).
fn unicode_escape_value(chars: &mut std::iter::Peekable<std::str::Chars>) -> Result<u32, String> {
    if chars.peek() == Some(&'{') {
        chars.next();
        let mut value: u32 = 0;
        let mut any = false;
        loop {
            match chars.next() {
                Some('}') if any => return Ok(value),
                Some(c) if c.is_ascii_hexdigit() => {
                    any = true;
                    value = value
                        .saturating_mul(16)
                        .saturating_add(c.to_digit(16).unwrap_or(0));
                    if value > 0x10FFFF {
                        return Err("\\u{...} escape is greater than 0x10FFFF".into());
                    }
                }
                _ => return Err("malformed \\u{...} escape".into()),
            }
        }
    }
    hex_digits_fixed(chars, 4)
        .ok_or_else(|| "\\u must be followed by four hexadecimal digits".into())
}

fn push_utf16(out: &mut Vec<u16>, c: char) {
    let mut buf = [0u16; 2];
    out.extend_from_slice(c.encode_utf16(&mut buf));
}

/// UTF16EncodeCodePoint; lone surrogates from `\uD800` stay single code units.
fn push_code_point(out: &mut Vec<u16>, cp: u32) {
    match char::from_u32(cp) {
        Some(c) => push_utf16(out, c),
        None => out.push(cp as u16),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(text: &str) -> f64 {
        match numeric_value(text).map(|n| n.value) {
            Ok(NumericValue::Number(v)) => v,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(num("0"), 0.0);
        assert_eq!(num("1_000"), 1000.0);
        assert_eq!(num("0x10"), 16.0);
        assert_eq!(num("0b101"), 5.0);
        assert_eq!(num("0o17"), 15.0);
        assert_eq!(num("017"), 15.0);
        assert_eq!(num("019"), 19.0);
        assert_eq!(num("08.5"), 8.5);
        assert_eq!(num(".5e1"), 5.0);
        // 2^53 + 1 rounds to even (2^53); 2^53 + 3 rounds up to 2^53 + 4.
        assert_eq!(num("0x20000000000001"), 9007199254740992.0);
        assert_eq!(num("0x20000000000003"), 9007199254740996.0);
        assert!(numeric_value("07.5").is_err());
        assert!(numeric_value("01n").is_err());
        assert!(numeric_value("017").unwrap().legacy);
    }

    #[test]
    fn strings() {
        let s = |t: &str| String::from_utf16(&string_value(t).unwrap().value).unwrap();
        assert_eq!(s(r"a\nb"), "a\nb");
        assert_eq!(s(r"\x41\u0042\u{43}"), "ABC");
        assert_eq!(s(r"\101"), "A");
        assert!(string_value(r"\101").unwrap().legacy_escape);
        assert!(!string_value(r"\0").unwrap().legacy_escape);
        assert!(string_value(r"\x4").is_err());
        assert!(string_value(r"\u{110000}").is_err());
        assert_eq!(string_value(r"\uD800").unwrap().value, vec![0xD800]);
    }

    #[test]
    fn templates() {
        let (cooked, raw) = template_values("a\\u{g}\r\nb");
        assert!(cooked.is_none());
        assert_eq!(String::from_utf16(&raw).unwrap(), "a\\u{g}\nb");
    }

    #[test]
    fn identifiers() {
        assert_eq!(identifier_value(r"\u0061b").unwrap(), ("ab".into(), true));
        assert!(identifier_value(r"\u0030a").is_err());
        assert_eq!(identifier_value("℮x").unwrap().0, "℮x");
    }
}
