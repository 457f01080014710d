//! 19.2 Function Properties of the Global Object (sec-function-properties-of-the-global-object):
//! isFinite (19.2.2), isNaN (19.2.3) and the URI handling functions (19.2.6). `eval` is in
//! global.rs; parseFloat and parseInt, shared with Number, are in number.rs.

use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{
    create_builtin_function, Behaviour, BuiltinCall, BuiltinSteps,
};
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
    let len = string.len();
    // 2. Let R be the empty String.
    let mut r = StringBuilder::with_capacity(len);
    // 3. Let alwaysUnescaped be the string-concatenation of the ASCII word characters and
    //    "-.!~*'()".
    let always_unescaped = |c: u16| {
        c < 0x80 && ((c as u8).is_ascii_alphanumeric() || b"_-.!~*'()".contains(&(c as u8)))
    };
    // 4. Let unescapedSet be the string-concatenation of alwaysUnescaped and extraUnescaped.
    let unescaped_set = |c: u16| always_unescaped(c) || set_contains(extra_unescaped, c);
    // 5. Let k be 0.
    let mut k = 0;
    // 6. Repeat, while k < len,
    while k < len {
        // a. Let C be the code unit at index k within string.
        let c = string[k];
        // b. If unescapedSet contains C, then
        if unescaped_set(c) {
            // i. Set k to k + 1.
            k += 1;
            // ii. Set R to the string-concatenation of R and C.
            r.push(c).or_throw(agent)?;
        } else {
            // c. Else,
            //    i. Let cp be CodePointAt(string, k).
            let (code_point, code_unit_count, unpaired) = code_point_at(string, k);
            //    ii. If cp.[[IsUnpairedSurrogate]] is true, throw a URIError exception.
            if unpaired {
                return Err(uri_error(agent, "URI malformed: lone surrogate"));
            }
            //    iii. Set k to k + cp.[[CodeUnitCount]].
            k += code_unit_count;
            //    iv. Let Octets be the List of octets resulting by applying the UTF-8
            //        transformation to cp.[[CodePoint]].
            let Some(ch) = char::from_u32(code_point) else {
                return Err(uri_error(agent, "URI malformed"));
            };
            let mut buffer = [0u8; 4];
            let octets = ch.encode_utf8(&mut buffer).as_bytes();
            //    v. For each element octet of Octets, do
            for octet in octets {
                // 1. Let hex be the String representation of octet, formatted as an
                //    uppercase hexadecimal number.
                // 2. Set R to the string-concatenation of R, "%", and StringPad(hex, 2,
                //    "0", start).
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
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
    Ok(r.build())
}

/// CodePointAt ( string, position ) (11.1.4): the code point, its code unit count and
/// whether it is an unpaired surrogate.
fn code_point_at(string: &[u16], position: usize) -> (u32, usize, bool) {
    // 1. Let size be the length of string.
    // 2. Assert: position ≥ 0 and position < size.
    // 3. Let first be the code unit at index position within string.
    let first = string[position];
    // 4. Let cp be the code point whose numeric value is the numeric value of first.
    let cp = u32::from(first);
    // 5. If first is neither a leading surrogate nor a trailing surrogate, then
    //    a. Return the Record { [[CodePoint]]: cp, [[CodeUnitCount]]: 1,
    //       [[IsUnpairedSurrogate]]: false }.
    if !(0xD800..=0xDFFF).contains(&first) {
        return (cp, 1, false);
    }
    // 6. If first is a trailing surrogate or position + 1 = size, then
    //    a. Return the Record { [[CodePoint]]: cp, [[CodeUnitCount]]: 1,
    //       [[IsUnpairedSurrogate]]: true }.
    if first >= 0xDC00 || position + 1 == string.len() {
        return (cp, 1, true);
    }
    // 7. Let second be the code unit at index position + 1 within string.
    let second = string[position + 1];
    // 8. If second is not a trailing surrogate, then
    //    a. Return the Record { [[CodePoint]]: cp, [[CodeUnitCount]]: 1,
    //       [[IsUnpairedSurrogate]]: true }.
    if !(0xDC00..=0xDFFF).contains(&second) {
        return (cp, 1, true);
    }
    // 9. Set cp to UTF16SurrogatePairToCodePoint(first, second).
    let cp = (u32::from(first) - 0xD800) * 0x400 + (u32::from(second) - 0xDC00) + 0x10000;
    // 10. Return the Record { [[CodePoint]]: cp, [[CodeUnitCount]]: 2,
    //     [[IsUnpairedSurrogate]]: false }.
    (cp, 2, false)
}

/// ParseHexOctet ( string, position ) (19.2.6.7): `None` where the spec returns a List of
/// errors.
fn parse_hex_octet(string: &[u16], position: usize) -> Option<u8> {
    // 1. Let len be the length of string.
    // 2. Assert: position + 2 ≤ len.
    // 3. Let hexDigits be the substring of string from position to position + 2.
    // 4. Let parseResult be ParseText(hexDigits, HexDigits[~Sep]).
    // 5. If parseResult is not a Parse Node, return parseResult.
    // 6. Let n be the MV of parseResult.
    // 7. Assert: n is in the inclusive interval from 0 to 255.
    // 8. Return n.
    let digit = |u: u16| char::from_u32(u32::from(u)).and_then(|c| c.to_digit(16));
    let high = digit(*string.get(position)?)?;
    let low = digit(*string.get(position + 1)?)?;
    Some((high * 16 + low) as u8)
}

/// Decode ( string, preserveEscapeSet ) (19.2.6.6).
fn decode(agent: &mut Agent, string: &JsString, preserve_escape_set: &str) -> JsResult<JsString> {
    let string = string.units();
    // 1. Let len be the length of string.
    let len = string.len();
    // 2. Let R be the empty String.
    let mut r: Vec<u16> = Vec::with_capacity(len);
    // 3. Let k be 0.
    let mut k = 0;
    // 4. Repeat, while k < len,
    while k < len {
        // a. Let C be the code unit at index k within string.
        let c = string[k];
        // c. If C is the code unit 0x0025 (PERCENT SIGN), then
        if c == u16::from(b'%') {
            // i. If k + 3 > len, throw a URIError exception.
            if k + 3 > len {
                return Err(uri_error(agent, "URI malformed: incomplete escape"));
            }
            // ii. Let escape be the substring of string from k to k + 3.
            let escape = &string[k..k + 3];
            // iii. Let B be ParseHexOctet(string, k + 1).
            // iv. If B is not an integer, throw a URIError exception.
            let Some(b) = parse_hex_octet(string, k + 1) else {
                return Err(uri_error(agent, "URI malformed: invalid escape"));
            };
            // v. Set k to k + 2.
            k += 2;
            // vi. Let n be the number of leading 1 bits in B.
            let n = b.leading_ones() as usize;
            if n == 0 {
                // vii. If n = 0, then
                //      1. Let asciiChar be the code unit whose numeric value is B.
                let ascii_char = u16::from(b);
                //      2. If preserveEscapeSet contains asciiChar, set S to escape.
                //         Otherwise, set S to asciiChar.
                if set_contains(preserve_escape_set, ascii_char) {
                    r.extend_from_slice(escape);
                } else {
                    r.push(ascii_char);
                }
            } else {
                // viii. Else,
                //       1. If n = 1 or n > 4, throw a URIError exception.
                if n == 1 || n > 4 {
                    return Err(uri_error(agent, "URI malformed: invalid UTF-8 lead byte"));
                }
                //       2. Let Octets be « B ».
                let mut octets = vec![b];
                //       3. Let j be 1.
                let mut j = 1;
                //       4. Repeat, while j < n,
                while j < n {
                    // a. Set k to k + 1.
                    k += 1;
                    // b. If k + 3 > len, throw a URIError exception.
                    if k + 3 > len {
                        return Err(uri_error(agent, "URI malformed: incomplete sequence"));
                    }
                    // c. If the code unit at index k within string is not the code unit
                    //    0x0025 (PERCENT SIGN), throw a URIError exception.
                    if string[k] != u16::from(b'%') {
                        return Err(uri_error(agent, "URI malformed: incomplete sequence"));
                    }
                    // d. Let continuationByte be ParseHexOctet(string, k + 1).
                    // e. If continuationByte is not an integer, throw a URIError exception.
                    let Some(continuation_byte) = parse_hex_octet(string, k + 1) else {
                        return Err(uri_error(agent, "URI malformed: invalid escape"));
                    };
                    // f. Append continuationByte to Octets.
                    octets.push(continuation_byte);
                    // g. Set k to k + 2.
                    k += 2;
                    // h. Set j to j + 1.
                    j += 1;
                }
                //       5. Assert: The length of Octets is n.
                //       6. If Octets does not contain a valid UTF-8 encoding of a Unicode
                //          code point, throw a URIError exception.
                //       7. Let V be the code point obtained by applying the UTF-8
                //          transformation to Octets, that is, from a List of octets into a
                //          21-bit value.
                // (Rust's UTF-8 validation rejects exactly the invalid encodings: bad
                // continuation bytes, overlong forms, surrogates and values past U+10FFFF.)
                let Ok(text) = std::str::from_utf8(&octets) else {
                    return Err(uri_error(agent, "URI malformed: invalid UTF-8"));
                };
                //       8. Set S to UTF16EncodeCodePoint(V).
                r.extend(text.encode_utf16());
            }
        } else {
            // b. Let S be C.
            r.push(c);
        }
        // d. Set R to the string-concatenation of R and S.
        // e. Set k to k + 1.
        k += 1;
    }
    // 5. Return R.
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
        assert_eq!(code_point_at(&[0xD83D, 0xDE00], 0), (0x1F600, 2, false));
        assert_eq!(code_point_at(&[0xD83D], 0), (0xD83D, 1, true));
        assert_eq!(code_point_at(&[0xDE00, 0xD83D], 0), (0xDE00, 1, true));
        assert_eq!(code_point_at(&units("a"), 0), (0x61, 1, false));
    }

    #[test]
    fn hex_octets() {
        assert_eq!(parse_hex_octet(&units("%4a"), 1), Some(0x4A));
        assert_eq!(parse_hex_octet(&units("%4g"), 1), None);
        assert_eq!(parse_hex_octet(&units("%4"), 1), None);
    }
}
