//! 7.2 Testing and Comparison Operations (sec-testing-and-comparison-operations).

use super::agents::Agent;
use super::completion_record::JsResult;
use super::object_kinds::ObjectKind;
use super::type_conversion::{
    string_to_big_int, to_number, to_numeric, to_primitive, Numeric, PreferredType,
};
use super::value::Value;
use num_bigint::BigInt;
use num_traits::{FromPrimitive, ToPrimitive};
use std::cmp::Ordering;

/// RequireObjectCoercible ( argument ) (7.2.1).
pub fn require_object_coercible(agent: &mut Agent, argument: &Value) -> JsResult<()> {
    if argument.is_nullish() {
        return Err(agent.type_error(&format!(
            "cannot convert {} to an object",
            argument.type_name()
        )));
    }
    Ok(())
}

/// IsArray ( argument ) (7.2.2).
pub fn is_array(agent: &mut Agent, argument: &Value) -> JsResult<bool> {
    // 1. If argument is not an Object, return false.
    let Value::Object(mut o) = argument.clone() else {
        return Ok(false);
    };
    loop {
        let next = match &o.data().kind {
            // 2. If argument is an Array exotic object, return true.
            ObjectKind::Array => return Ok(true),
            // 3. If argument is a Proxy exotic object, then
            //    a. Perform ? ValidateNonRevokedProxy(argument).
            //    b. Let proxyTarget be argument.[[ProxyTarget]].
            //    c. Return ? IsArray(proxyTarget).
            ObjectKind::Proxy(p) => p.target.clone(),
            // 4. Return false.
            _ => return Ok(false),
        };
        match next {
            Some(target) => o = target,
            None => return Err(agent.type_error("cannot perform 'IsArray' on a revoked proxy")),
        }
    }
}

/// IsCallable ( argument ) (7.2.3).
pub fn is_callable(argument: &Value) -> bool {
    // 1. If argument is not an Object, return false.
    // 2. If argument has a [[Call]] internal method, return true.
    // 3. Return false.
    matches!(argument, Value::Object(o) if o.is_callable())
}

/// IsConstructor ( argument ) (7.2.4).
pub fn is_constructor(argument: &Value) -> bool {
    // 1. If argument is not an Object, return false.
    // 2. If argument has a [[Construct]] internal method, return true.
    // 3. Return false.
    matches!(argument, Value::Object(o) if o.is_constructor())
}

/// SameValue ( x, y ) (7.2.9).
pub fn same_value(x: &Value, y: &Value) -> bool {
    match (x, y) {
        // 2. If x is a Number, then a. Return Number::sameValue(x, y).
        (Value::Number(a), Value::Number(b)) => {
            (a.is_nan() && b.is_nan()) || (a == b && a.is_sign_negative() == b.is_sign_negative())
        }
        // 3. Return SameValueNonNumber(x, y).
        _ => same_value_non_number(x, y),
    }
}

/// SameValueZero ( x, y ) (7.2.10).
pub fn same_value_zero(x: &Value, y: &Value) -> bool {
    match (x, y) {
        // 2. If x is a Number, then a. Return Number::sameValueZero(x, y).
        (Value::Number(a), Value::Number(b)) => (a.is_nan() && b.is_nan()) || a == b,
        _ => same_value_non_number(x, y),
    }
}

/// SameValueNonNumber ( x, y ) (7.2.11); false when the types differ (SameType).
pub fn same_value_non_number(x: &Value, y: &Value) -> bool {
    match (x, y) {
        // 2. If x is either null or undefined, return true.
        (Value::Undefined, Value::Undefined) | (Value::Null, Value::Null) => true,
        // 3. If x is a BigInt, then a. Return BigInt::equal(x, y).
        (Value::BigInt(a), Value::BigInt(b)) => a == b,
        // 4. If x is a String, then a. If x and y have the same length and the same code
        //    units in the same positions, return true; otherwise, return false.
        (Value::String(a), Value::String(b)) => a == b,
        // 5. If x is a Boolean, then a. If x and y are both true or both false, return true;
        //    otherwise, return false.
        (Value::Boolean(a), Value::Boolean(b)) => a == b,
        // 6. NOTE: All other ECMAScript language values are compared by identity.
        // 7. If x is y, return true; otherwise, return false.
        (Value::Symbol(a), Value::Symbol(b)) => a == b,
        (Value::Object(a), Value::Object(b)) => a == b,
        (Value::Number(a), Value::Number(b)) => a == b,
        _ => false,
    }
}

/// The order of a BigInt and a Number (BigInt::lessThan with a Number operand as
/// IsLessThan steps 4-5 compare them): `None` when the Number is NaN.
fn compare_bigint_number(b: &BigInt, n: f64) -> Option<Ordering> {
    if n.is_nan() {
        return None;
    }
    if n == f64::INFINITY {
        return Some(Ordering::Less);
    }
    if n == f64::NEG_INFINITY {
        return Some(Ordering::Greater);
    }
    let floor = n.floor();
    let as_int = BigInt::from_f64(floor)?;
    match b.cmp(&as_int) {
        Ordering::Equal if floor < n => Some(Ordering::Less),
        other => Some(other),
    }
}

/// IsLessThan ( x, y, LeftFirst ) (7.2.12): `None` is undefined.
pub fn is_less_than(
    agent: &mut Agent,
    x: &Value,
    y: &Value,
    left_first: bool,
) -> JsResult<Option<bool>> {
    // 1. If LeftFirst is true, then
    //    a. Let px be ? ToPrimitive(x, ~number~). b. Let py be ? ToPrimitive(y, ~number~).
    // 2. Else, a. NOTE: The order of evaluation needs to be reversed to preserve left to
    //    right evaluation. b. Let py be ? ToPrimitive(y, ~number~).
    //    c. Let px be ? ToPrimitive(x, ~number~).
    let (px, py) = if left_first {
        let px = to_primitive(agent, x, Some(PreferredType::Number))?;
        let py = to_primitive(agent, y, Some(PreferredType::Number))?;
        (px, py)
    } else {
        let py = to_primitive(agent, y, Some(PreferredType::Number))?;
        let px = to_primitive(agent, x, Some(PreferredType::Number))?;
        (px, py)
    };
    // 3. If px is a String and py is a String, then
    if let (Value::String(a), Value::String(b)) = (&px, &py) {
        // a-f. Compare code unit by code unit; a proper prefix is less.
        return Ok(Some(a.units() < b.units()));
    }
    // 4. Else,
    // a. If px is a BigInt and py is a String, then
    if let (Value::BigInt(a), Value::String(b)) = (&px, &py) {
        // i. Let ny be StringToBigInt(py). ii. If ny is undefined, return undefined.
        // iii. Return BigInt::lessThan(px, ny).
        // (A String too long for a BigInt is beyond every BigInt, on its sign's side.)
        return Ok(match string_to_big_int(b) {
            Ok(ny) => ny.map(|ny| a.value() < ny.value()),
            Err(too_big) => Some(!too_big.negative),
        });
    }
    // b. If px is a String and py is a BigInt, then
    if let (Value::String(a), Value::BigInt(b)) = (&px, &py) {
        // i. Let nx be StringToBigInt(px). ii. If nx is undefined, return undefined.
        // iii. Return BigInt::lessThan(nx, py).
        return Ok(match string_to_big_int(a) {
            Ok(nx) => nx.map(|nx| nx.value() < b.value()),
            Err(too_big) => Some(too_big.negative),
        });
    }
    // c. NOTE: Because px and py are primitive values, evaluation order is not important.
    // d. Let nx be ? ToNumeric(px). e. Let ny be ? ToNumeric(py).
    let nx = to_numeric(agent, &px)?;
    let ny = to_numeric(agent, &py)?;
    // f. If Type(nx) is Type(ny), then
    //    i. If nx is a Number, return Number::lessThan(nx, ny).
    //    ii. Else, return BigInt::lessThan(nx, ny).
    // g-l. Compare a BigInt and a Number by their mathematical values.
    Ok(match (nx, ny) {
        (Numeric::Number(a), Numeric::Number(b)) => {
            if a.is_nan() || b.is_nan() {
                None
            } else {
                Some(a < b)
            }
        }
        (Numeric::BigInt(a), Numeric::BigInt(b)) => Some(a.value() < b.value()),
        (Numeric::BigInt(a), Numeric::Number(b)) => {
            compare_bigint_number(a.value(), b).map(|o| o == Ordering::Less)
        }
        (Numeric::Number(a), Numeric::BigInt(b)) => {
            compare_bigint_number(b.value(), a).map(|o| o == Ordering::Greater)
        }
    })
}

/// IsLooselyEqual ( x, y ) (7.2.13).
pub fn is_loosely_equal(agent: &mut Agent, x: &Value, y: &Value) -> JsResult<bool> {
    use Value::*;
    match (x, y) {
        // 1. If SameType(x, y) is true, then a. Return IsStrictlyEqual(x, y).
        (Undefined, Undefined) | (Null, Null) | (Boolean(_), Boolean(_)) => {
            Ok(is_strictly_equal(x, y))
        }
        (String(_), String(_)) | (Symbol(_), Symbol(_)) | (Number(_), Number(_)) => {
            Ok(is_strictly_equal(x, y))
        }
        (BigInt(_), BigInt(_)) | (Object(_), Object(_)) => Ok(is_strictly_equal(x, y)),
        // 2. If x is null and y is undefined, return true.
        // 3. If x is undefined and y is null, return true.
        (Null, Undefined) | (Undefined, Null) => Ok(true),
        // 4. NOTE: This step is replaced in section B.3.6.2.
        // 5. If x is a Number and y is a String, return ! IsLooselyEqual(x, ! ToNumber(y)).
        (Number(_), String(_)) => {
            let ny = to_number(agent, y)?;
            is_loosely_equal(agent, x, &Number(ny))
        }
        // 6. If x is a String and y is a Number, return ! IsLooselyEqual(! ToNumber(x), y).
        (String(_), Number(_)) => {
            let nx = to_number(agent, x)?;
            is_loosely_equal(agent, &Number(nx), y)
        }
        // 7. If x is a BigInt and y is a String, then
        //    a. Let n be StringToBigInt(y). b. If n is undefined, return false.
        //    c. Return ! IsLooselyEqual(x, n).
        (BigInt(a), String(s)) => Ok(matches!(string_to_big_int(s), Ok(Some(n)) if n == *a)),
        // 8. If x is a String and y is a BigInt, return ! IsLooselyEqual(y, x).
        (String(s), BigInt(b)) => Ok(matches!(string_to_big_int(s), Ok(Some(n)) if n == *b)),
        // 9. If x is a Boolean, return ! IsLooselyEqual(! ToNumber(x), y).
        (Boolean(b), _) => is_loosely_equal(agent, &Number(f64::from(u8::from(*b))), y),
        // 10. If y is a Boolean, return ! IsLooselyEqual(x, ! ToNumber(y)).
        (_, Boolean(b)) => is_loosely_equal(agent, x, &Number(f64::from(u8::from(*b)))),
        // 11. If x is either a String, a Number, a BigInt, or a Symbol and y is an Object,
        //     return ! IsLooselyEqual(x, ? ToPrimitive(y)).
        (String(_) | Number(_) | BigInt(_) | Symbol(_), Object(_)) => {
            let py = to_primitive(agent, y, None)?;
            is_loosely_equal(agent, x, &py)
        }
        // 12. If x is an Object and y is either a String, a Number, a BigInt, or a Symbol,
        //     return ! IsLooselyEqual(? ToPrimitive(x), y).
        (Object(_), String(_) | Number(_) | BigInt(_) | Symbol(_)) => {
            let px = to_primitive(agent, x, None)?;
            is_loosely_equal(agent, &px, y)
        }
        // 13. If x is a BigInt and y is a Number, or if x is a Number and y is a BigInt, then
        //     a. If x is not finite or y is not finite, return false.
        //     b. If ℝ(x) = ℝ(y), return true; otherwise return false.
        (BigInt(a), Number(n)) | (Number(n), BigInt(a)) => Ok(n.is_finite()
            && n.fract() == 0.0
            && a.value().to_f64() == Some(*n)
            && compare_bigint_number(a.value(), *n) == Some(Ordering::Equal)),
        // 14. Return false.
        _ => Ok(false),
    }
}

/// IsStrictlyEqual ( x, y ) (7.2.14).
pub fn is_strictly_equal(x: &Value, y: &Value) -> bool {
    match (x, y) {
        // 2. If x is a Number, then a. Return Number::equal(x, y).
        (Value::Number(a), Value::Number(b)) => a == b,
        // 1. If SameType(x, y) is false, return false.
        // 3. Return SameValueNonNumber(x, y).
        _ => same_value_non_number(x, y),
    }
}
