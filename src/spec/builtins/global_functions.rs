//! 19.2 Function Properties of the Global Object (sec-function-properties-of-the-global-object):
//! isFinite (19.2.2), isNaN (19.2.3) and the URI handling functions (19.2.6). `eval` is in
//! global.rs; parseFloat and parseInt, shared with Number, are in number.rs.

use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{
    create_builtin_function, Behaviour, BuiltinCall, BuiltinSteps,
};
use crate::spec::builtins::string::operations::code_point_at;
use crate::spec::completion_record::JsResult;
use crate::spec::ecmascript_function_objects::FunctionName;
use crate::spec::object_type::PropertyKey;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::string_type::{JsString, OrThrow, StringBuilder};
use crate::spec::type_conversion::{to_number, to_string};
use crate::spec::value::Value;

/// isFinite ( number ) (19.2.2).
fn is_finite(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let num be ? ToNumber(number).
    let num = to_number(agent, &call.arg(0))?;
    // 2. If num is not finite, return false.
    // 3. Otherwise, return true.
    Ok(Value::Boolean(num.is_finite()))
}

/// isNaN ( number ) (19.2.3).
fn is_nan(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let num be ? ToNumber(number).
    let num = to_number(agent, &call.arg(0))?;
    // 2. If num is NaN, return true.
    // 3. Otherwise, return false.
    Ok(Value::Boolean(num.is_nan()))
}

/// The reserved URI characters that decodeURI keeps escaped and encodeURI leaves alone:
/// ";/?:@&=+$,#".
const URI_RESERVED_AND_HASH: &str = ";/?:@&=+$,#";

/// decodeURI ( encodedURI ) (19.2.6.1).
fn decode_uri(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let uriString be ? ToString(encodedURI).
    let uri_string = to_string(agent, &call.arg(0))?;
    // 2. Let preserveEscapeSet be ";/?:@&=+$,#".
    // 3. Return ? Decode(uriString, preserveEscapeSet).
    Ok(Value::String(decode(
        agent,
        &uri_string,
        URI_RESERVED_AND_HASH,
    )?))
}

/// decodeURIComponent ( encodedURIComponent ) (19.2.6.2).
fn decode_uri_component(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let componentString be ? ToString(encodedURIComponent).
    let component_string = to_string(agent, &call.arg(0))?;
    // 2. Let preserveEscapeSet be the empty String.
    // 3. Return ? Decode(componentString, preserveEscapeSet).
    Ok(Value::String(decode(agent, &component_string, "")?))
}

/// encodeURI ( uri ) (19.2.6.3).
fn encode_uri(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let uriString be ? ToString(uri).
    let uri_string = to_string(agent, &call.arg(0))?;
    // 2. Let extraUnescaped be ";/?:@&=+$,#".
    // 3. Return ? Encode(uriString, extraUnescaped).
    Ok(Value::String(encode(
        agent,
        &uri_string,
        URI_RESERVED_AND_HASH,
    )?))
}

/// encodeURIComponent ( uriComponent ) (19.2.6.4).
fn encode_uri_component(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let componentString be ? ToString(uriComponent).
    let component_string = to_string(agent, &call.arg(0))?;
    // 2. Let extraUnescaped be the empty String.
    // 3. Return ? Encode(componentString, extraUnescaped).
    Ok(Value::String(encode(agent, &component_string, "")?))
}

fn uri_error(agent: &mut Agent, message: &str) -> Value {
    agent.error(Intrinsic::URIErrorPrototype, message)
}

/// Whether the code unit `c` is one of the ASCII characters of `set`.
fn set_contains(set: &str, c: u16) -> bool {
    c < 0x80 && set.as_bytes().contains(&(c as u8))
}

/// Encode ( string, extraUnescaped ) (19.2.6.5).
fn encode(agent: &mut Agent, string: &JsString, extra_unescaped: &str) -> JsResult<JsString> {
    let string = string.units();
    // 1. Let len be the length of string.
    crate::step!("sec-encode", "1");
    let len = string.len();
    // 2. Let R be the empty String.
    crate::step!("sec-encode", "2");
    let mut r = StringBuilder::with_capacity(len);
    // 3. Let alwaysUnescaped be the string-concatenation of the ASCII word characters and
    //    "-.!~*'()".
    crate::step!("sec-encode", "3");
    let always_unescaped = |c: u16| {
        c < 0x80 && ((c as u8).is_ascii_alphanumeric() || b"_-.!~*'()".contains(&(c as u8)))
    };
    // 4. Let unescapedSet be the string-concatenation of alwaysUnescaped and extraUnescaped.
    crate::step!("sec-encode", "4");
    let unescaped_set = |c: u16| always_unescaped(c) || set_contains(extra_unescaped, c);
    // 5. Let k be 0.
    crate::step!("sec-encode", "5");
    let mut k = 0;
    // 6. Repeat, while k < len,
    crate::step!("sec-encode", "6");
    while k < len {
        // a. Let C be the code unit at index k within string.
        crate::step!("sec-encode", "6.a");
        let c = string[k];
        // b. If unescapedSet contains C, then
        crate::step!("sec-encode", "6.b");
        if unescaped_set(c) {
            // i. Set k to k + 1.
            crate::step!("sec-encode", "6.b.i");
            k += 1;
            // ii. Set R to the string-concatenation of R and C.
            crate::step!("sec-encode", "6.b.ii");
            r.push(c).or_throw(agent)?;
        } else {
            // c. Else,
            crate::step!("sec-encode", "6.c");
            // i. Let cp be CodePointAt(string, k).
            crate::step!("sec-encode", "6.c.i");
            let cp = code_point_at(string, k);
            // ii. If cp.[[IsUnpairedSurrogate]] is true, throw a URIError exception.
            crate::step!("sec-encode", "6.c.ii");
            if cp.is_unpaired_surrogate {
                return Err(uri_error(agent, "URI malformed: lone surrogate"));
            }
            // iii. Set k to k + cp.[[CodeUnitCount]].
            crate::step!("sec-encode", "6.c.iii");
            k += cp.code_unit_count;
            // iv. Let Octets be the List of octets resulting by applying the UTF-8
            //     transformation to cp.[[CodePoint]].
            crate::step!("sec-encode", "6.c.iv");
            let Some(ch) = char::from_u32(cp.code_point) else {
                return Err(uri_error(agent, "URI malformed"));
            };
            let mut buffer = [0u8; 4];
            let octets = ch.encode_utf8(&mut buffer).as_bytes();
            // v. For each element octet of Octets, do
            crate::step!("sec-encode", "6.c.v");
            for octet in octets {
                // 1. Let hex be the String representation of octet, formatted as an
                //    uppercase hexadecimal number.
                crate::step!("sec-encode", "6.c.v.1");
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                // 2. Set R to the string-concatenation of R, "%", and StringPad(hex, 2,
                //    "0", start).
                crate::step!("sec-encode", "6.c.v.2");
                let hex = [
                    u16::from(b'%'),
                    u16::from(HEX[usize::from(octet >> 4)]),
                    u16::from(HEX[usize::from(octet & 0xF)]),
                ];
                r.extend(&hex).or_throw(agent)?;
            }
        }
    }
    // 7. Return R.
    crate::step!("sec-encode", "7");
    Ok(r.build())
}

/// ParseHexOctet ( string, position ) (19.2.6.7): `None` where the spec returns a List of
/// errors.
fn parse_hex_octet(string: &[u16], position: usize) -> Option<u8> {
    // 1. Let len be the length of string.
    crate::step!("sec-parsehexoctet", "1");
    // 2. Assert: position + 2 ≤ len.
    crate::spec_assert!("sec-parsehexoctet", "2", by: "Decode checks k + 3 ≤ len before it calls ParseHexOctet(string, k + 1) (4.c.i, 4.c.viii.4.b); a shorter string is a parse failure here");
    // 3. Let hexDigits be the substring of string from position to position + 2.
    crate::step!("sec-parsehexoctet", "3");
    let hex_digits = string.get(position..position + 2)?;
    // 4. Let parseResult be ParseText(hexDigits, HexDigits[~Sep]).
    crate::step!("sec-parsehexoctet", "4");
    let digit = |u: u16| char::from_u32(u32::from(u)).and_then(|c| c.to_digit(16));
    let parse_result = digit(hex_digits[0]).zip(digit(hex_digits[1]));
    // 5. If parseResult is not a Parse Node, return parseResult.
    crate::step!("sec-parsehexoctet", "5");
    let (high, low) = parse_result?;
    // 6. Let n be the MV of parseResult.
    crate::step!("sec-parsehexoctet", "6");
    let n = high * 16 + low;
    // 7. Assert: n is in the inclusive interval from 0 to 255.
    crate::spec_assert!("sec-parsehexoctet", "7", n <= 255);
    // 8. Return n.
    crate::step!("sec-parsehexoctet", "8");
    Some(n as u8)
}

/// Decode ( string, preserveEscapeSet ) (19.2.6.6).
fn decode(agent: &mut Agent, string: &JsString, preserve_escape_set: &str) -> JsResult<JsString> {
    let string = string.units();
    // 1. Let len be the length of string.
    crate::step!("sec-decode", "1");
    let len = string.len();
    // 2. Let R be the empty String.
    crate::step!("sec-decode", "2");
    let mut r: Vec<u16> = Vec::with_capacity(len);
    // 3. Let k be 0.
    crate::step!("sec-decode", "3");
    let mut k = 0;
    // 4. Repeat, while k < len,
    crate::step!("sec-decode", "4");
    while k < len {
        // a. Let C be the code unit at index k within string.
        crate::step!("sec-decode", "4.a");
        let c = string[k];
        // b. Let S be C.
        // (S is appended to R where it is set: C itself unless step c replaces it.)
        crate::step!("sec-decode", "4.b");
        // c. If C is the code unit 0x0025 (PERCENT SIGN), then
        crate::step!("sec-decode", "4.c");
        if c == u16::from(b'%') {
            // i. If k + 3 > len, throw a URIError exception.
            crate::step!("sec-decode", "4.c.i");
            if k + 3 > len {
                return Err(uri_error(agent, "URI malformed: incomplete escape"));
            }
            // ii. Let escape be the substring of string from k to k + 3.
            crate::step!("sec-decode", "4.c.ii");
            let escape = &string[k..k + 3];
            // iii. Let B be ParseHexOctet(string, k + 1).
            crate::step!("sec-decode", "4.c.iii");
            let b = parse_hex_octet(string, k + 1);
            // iv. If B is not an integer, throw a URIError exception.
            crate::step!("sec-decode", "4.c.iv");
            let Some(b) = b else {
                return Err(uri_error(agent, "URI malformed: invalid escape"));
            };
            // v. Set k to k + 2.
            crate::step!("sec-decode", "4.c.v");
            k += 2;
            // vi. Let n be the number of leading 1 bits in B.
            crate::step!("sec-decode", "4.c.vi");
            let n = b.leading_ones() as usize;
            // vii. If n = 0, then
            crate::step!("sec-decode", "4.c.vii");
            if n == 0 {
                // 1. Let asciiChar be the code unit whose numeric value is B.
                crate::step!("sec-decode", "4.c.vii.1");
                let ascii_char = u16::from(b);
                // 2. If preserveEscapeSet contains asciiChar, set S to escape; otherwise
                //    set S to asciiChar.
                crate::step!("sec-decode", "4.c.vii.2");
                if set_contains(preserve_escape_set, ascii_char) {
                    r.extend_from_slice(escape);
                } else {
                    r.push(ascii_char);
                }
            } else {
                // viii. Else,
                crate::step!("sec-decode", "4.c.viii");
                // 1. If n = 1 or n > 4, throw a URIError exception.
                crate::step!("sec-decode", "4.c.viii.1");
                if n == 1 || n > 4 {
                    return Err(uri_error(agent, "URI malformed: invalid UTF-8 lead byte"));
                }
                // 2. Let Octets be « B ».
                crate::step!("sec-decode", "4.c.viii.2");
                let mut octets = vec![b];
                // 3. Let j be 1.
                crate::step!("sec-decode", "4.c.viii.3");
                let mut j = 1;
                // 4. Repeat, while j < n,
                crate::step!("sec-decode", "4.c.viii.4");
                while j < n {
                    // a. Set k to k + 1.
                    crate::step!("sec-decode", "4.c.viii.4.a");
                    k += 1;
                    // b. If k + 3 > len, throw a URIError exception.
                    crate::step!("sec-decode", "4.c.viii.4.b");
                    if k + 3 > len {
                        return Err(uri_error(agent, "URI malformed: incomplete sequence"));
                    }
                    // c. If the code unit at index k within string is not the code unit
                    //    0x0025 (PERCENT SIGN), throw a URIError exception.
                    crate::step!("sec-decode", "4.c.viii.4.c");
                    if string[k] != u16::from(b'%') {
                        return Err(uri_error(agent, "URI malformed: incomplete sequence"));
                    }
                    // d. Let continuationByte be ParseHexOctet(string, k + 1).
                    crate::step!("sec-decode", "4.c.viii.4.d");
                    let continuation_byte = parse_hex_octet(string, k + 1);
                    // e. If continuationByte is not an integer, throw a URIError exception.
                    crate::step!("sec-decode", "4.c.viii.4.e");
                    let Some(continuation_byte) = continuation_byte else {
                        return Err(uri_error(agent, "URI malformed: invalid escape"));
                    };
                    // f. Append continuationByte to Octets.
                    crate::step!("sec-decode", "4.c.viii.4.f");
                    octets.push(continuation_byte);
                    // g. Set k to k + 2.
                    crate::step!("sec-decode", "4.c.viii.4.g");
                    k += 2;
                    // h. Set j to j + 1.
                    crate::step!("sec-decode", "4.c.viii.4.h");
                    j += 1;
                }
                // 5. Assert: The length of Octets is n.
                crate::spec_assert!("sec-decode", "4.c.viii.5", octets.len() == n);
                // 6. If Octets does not contain a valid UTF-8 encoding of a Unicode code
                //    point, throw a URIError exception.
                // (Rust's UTF-8 validation rejects exactly the invalid encodings: bad
                // continuation bytes, overlong forms, surrogates and values past U+10FFFF.)
                crate::step!("sec-decode", "4.c.viii.6");
                let Ok(text) = std::str::from_utf8(&octets) else {
                    return Err(uri_error(agent, "URI malformed: invalid UTF-8"));
                };
                // 7. Let V be the code point obtained by applying the UTF-8
                //    transformation to Octets, that is, from a List of octets into a
                //    21-bit value.
                crate::step!("sec-decode", "4.c.viii.7");
                // 8. Set S to UTF16EncodeCodePoint(V).
                crate::step!("sec-decode", "4.c.viii.8");
                r.extend(text.encode_utf16());
            }
        } else {
            r.push(c);
        }
        // d. Set R to the string-concatenation of R and S.
        crate::step!("sec-decode", "4.d");
        // e. Set k to k + 1.
        crate::step!("sec-decode", "4.e");
        k += 1;
    }
    // 5. Return R.
    crate::step!("sec-decode", "5");
    Ok(JsString::from_vec(r))
}

/// Creates %isFinite%, %isNaN%, %decodeURI%, %decodeURIComponent%, %encodeURI% and
/// %encodeURIComponent%.
pub fn create_global_functions_intrinsics(agent: &mut Agent, realm: &Realm) {
    let functions: &[(Intrinsic, &str, Behaviour)] = &[
        (Intrinsic::IsFinite, "isFinite", is_finite),
        (Intrinsic::IsNaN, "isNaN", is_nan),
        (Intrinsic::DecodeURI, "decodeURI", decode_uri),
        (
            Intrinsic::DecodeURIComponent,
            "decodeURIComponent",
            decode_uri_component,
        ),
        (Intrinsic::EncodeURI, "encodeURI", encode_uri),
        (
            Intrinsic::EncodeURIComponent,
            "encodeURIComponent",
            encode_uri_component,
        ),
    ];
    for &(which, name, behaviour) in functions {
        let f = create_builtin_function(
            agent,
            BuiltinSteps::Behaviour(behaviour),
            1.0,
            FunctionName::Key(PropertyKey::from_str(name)),
            Some(realm.clone()),
            None,
            None,
            false,
        );
        realm.set_intrinsic(which, f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn code_point_at_pairs_and_lone_surrogates() {
        let at = |s: &[u16]| {
            let cp = code_point_at(s, 0);
            (cp.code_point, cp.code_unit_count, cp.is_unpaired_surrogate)
        };
        assert_eq!(at(&[0xD83D, 0xDE00]), (0x1F600, 2, false));
        assert_eq!(at(&[0xD83D]), (0xD83D, 1, true));
        assert_eq!(at(&[0xDE00, 0xD83D]), (0xDE00, 1, true));
        assert_eq!(at(&units("a")), (0x61, 1, false));
    }

    #[test]
    fn hex_octets() {
        assert_eq!(parse_hex_octet(&units("%4a"), 1), Some(0x4A));
        assert_eq!(parse_hex_octet(&units("%4g"), 1), None);
        assert_eq!(parse_hex_octet(&units("%4"), 1), None);
    }
}
