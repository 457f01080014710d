//! 7.2 Testing and Comparison Operations (sec-testing-and-comparison-operations).

use super::agents::Agent;
use super::completion_record::JsResult;
use super::object_kinds::ObjectKind;
use super::object_type::Object;
use super::type_conversion::{
    string_to_big_int, to_number, to_numeric, to_primitive, Numeric, PreferredType,
};
use super::value::Value;
use crate::{spec_assert, step};
use num_bigint::BigInt;
use num_traits::FromPrimitive;
use std::cmp::Ordering;

/// RequireObjectCoercible ( argument ) (7.2.1).
pub fn require_object_coercible(agent: &mut Agent, argument: &Value) -> JsResult<()> {
    // 1. If argument is either undefined or null, throw a TypeError exception.
    step!("sec-requireobjectcoercible", "1");
    if argument.is_nullish() {
        return Err(agent.type_error(&format!(
            "cannot convert {} to an object",
            argument.type_name()
        )));
    }
    // 2. Return unused.
    step!("sec-requireobjectcoercible", "2");
    Ok(())
}

/// IsArray ( argument ) (7.2.2).
pub fn is_array(agent: &mut Agent, argument: &Value) -> JsResult<bool> {
    // (The recursion of step 3.c is a loop over the proxy targets.)
    let mut argument = argument.clone();
    loop {
        // 1. If argument is not an Object, return false.
        step!("sec-isarray", "1");
        let Value::Object(o) = &argument else {
            return Ok(false);
        };
        // 2. If argument is an Array exotic object, return true.
        step!("sec-isarray", "2");
        let proxy_target = match &o.data().kind {
            ObjectKind::Array => return Ok(true),
            ObjectKind::Proxy(p) => Some(p.target.clone()),
            _ => None,
        };
        // 3. If argument is a Proxy exotic object, then
        step!("sec-isarray", "3");
        if let Some(target) = proxy_target {
            // a. Perform ? ValidateNonRevokedProxy(argument).
            step!("sec-isarray", "3.a");
            let Some(target) = target else {
                return Err(agent.type_error("cannot perform 'IsArray' on a revoked proxy"));
            };
            // b. Let proxyTarget be argument.[[ProxyTarget]].
            step!("sec-isarray", "3.b");
            // c. Return ? IsArray(proxyTarget).
            step!("sec-isarray", "3.c");
            argument = Value::Object(target);
            continue;
        }
        // 4. Return false.
        step!("sec-isarray", "4");
        return Ok(false);
    }
}

/// IsCallable ( argument ) (7.2.3).
pub fn is_callable(argument: &Value) -> bool {
    // 1. If argument is not an Object, return false.
    step!("sec-iscallable", "1");
    let Value::Object(o) = argument else {
        return false;
    };
    // 2. If argument has a [[Call]] internal method, return true.
    step!("sec-iscallable", "2");
    if o.is_callable() {
        return true;
    }
    // 3. Return false.
    step!("sec-iscallable", "3");
    false
}

/// IsConstructor ( argument ) (7.2.4).
pub fn is_constructor(argument: &Value) -> bool {
    // 1. If argument is not an Object, return false.
    step!("sec-isconstructor", "1");
    let Value::Object(o) = argument else {
        return false;
    };
    // 2. If argument has a [[Construct]] internal method, return true.
    step!("sec-isconstructor", "2");
    if o.is_constructor() {
        return true;
    }
    // 3. Return false.
    step!("sec-isconstructor", "3");
    false
}

/// IsExtensible ( O ) (7.2.5).
pub fn is_extensible(agent: &mut Agent, o: &Object) -> JsResult<bool> {
    // 1. Return ? O.[[IsExtensible]]().
    step!("sec-isextensible-o", "1");
    o.is_extensible(agent)
}

/// SameValue ( x, y ) (7.2.9).
pub fn same_value(x: &Value, y: &Value) -> bool {
    // 1. If SameType(x, y) is false, return false.
    step!("sec-samevalue", "1");
    if !same_type(x, y) {
        return false;
    }
    // 2. If x is a Number, then
    step!("sec-samevalue", "2");
    if let (Value::Number(a), Value::Number(b)) = (x, y) {
        // a. Return Number::sameValue(x, y).
        step!("sec-samevalue", "2.a");
        return (a.is_nan() && b.is_nan())
            || (a == b && a.is_sign_negative() == b.is_sign_negative());
    }
    // 3. Return SameValueNonNumber(x, y).
    step!("sec-samevalue", "3");
    same_value_non_number(x, y)
}

/// SameType ( x, y ) (5.2.5 in the draft): whether x and y are of the same language type
/// (each type is one variant of `Value`).
pub fn same_type(x: &Value, y: &Value) -> bool {
    std::mem::discriminant(x) == std::mem::discriminant(y)
}

/// SameValueZero ( x, y ) (7.2.10).
pub fn same_value_zero(x: &Value, y: &Value) -> bool {
    // 1. If SameType(x, y) is false, return false.
    step!("sec-samevaluezero", "1");
    if !same_type(x, y) {
        return false;
    }
    // 2. If x is a Number, then
    step!("sec-samevaluezero", "2");
    if let (Value::Number(a), Value::Number(b)) = (x, y) {
        // a. Return Number::sameValueZero(x, y).
        step!("sec-samevaluezero", "2.a");
        return (a.is_nan() && b.is_nan()) || a == b;
    }
    // 3. Return SameValueNonNumber(x, y).
    step!("sec-samevaluezero", "3");
    same_value_non_number(x, y)
}

/// SameValueNonNumber ( x, y ) (7.2.11).
pub fn same_value_non_number(x: &Value, y: &Value) -> bool {
    // 1. Assert: SameType(x, y) is true.
    spec_assert!("sec-samevaluenonnumber", "1", same_type(x, y));
    // 2. If x is either undefined or null, return true.
    step!("sec-samevaluenonnumber", "2");
    if x.is_nullish() {
        return true;
    }
    // 3. If x is a BigInt, then
    step!("sec-samevaluenonnumber", "3");
    if let (Value::BigInt(a), Value::BigInt(b)) = (x, y) {
        // a. Return BigInt::equal(x, y).
        step!("sec-samevaluenonnumber", "3.a");
        return a == b;
    }
    // 4. If x is a String, then
    step!("sec-samevaluenonnumber", "4");
    if let (Value::String(a), Value::String(b)) = (x, y) {
        // a. If x and y have the same length and the same code units in the same
        //    positions, return true; otherwise return false.
        step!("sec-samevaluenonnumber", "4.a");
        return a == b;
    }
    // 5. If x is a Boolean, then
    step!("sec-samevaluenonnumber", "5");
    if let (Value::Boolean(a), Value::Boolean(b)) = (x, y) {
        // a. If x and y are both true or both false, return true; otherwise return false.
        step!("sec-samevaluenonnumber", "5.a");
        return a == b;
    }
    // 6. NOTE: All other ECMAScript language values are compared by identity.
    step!("sec-samevaluenonnumber", "6");
    // 7. If x is y, return true; otherwise return false.
    step!("sec-samevaluenonnumber", "7");
    match (x, y) {
        (Value::Symbol(a), Value::Symbol(b)) => a == b,
        (Value::Object(a), Value::Object(b)) => a == b,
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
        return Ok(string_to_big_int(b).map(|ny| a.value() < ny.value()));
    }
    // b. If px is a String and py is a BigInt, then
    if let (Value::String(a), Value::BigInt(b)) = (&px, &py) {
        // i. Let nx be StringToBigInt(px). ii. If nx is undefined, return undefined.
        // iii. Return BigInt::lessThan(nx, py).
        return Ok(string_to_big_int(a).map(|nx| nx.value() < b.value()));
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
    // 1. If SameType(x, y) is true, then
    step!("sec-islooselyequal", "1");
    if same_type(x, y) {
        // a. Return IsStrictlyEqual(x, y).
        step!("sec-islooselyequal", "1.a");
        return Ok(is_strictly_equal(x, y));
    }
    // 2. If x is null and y is undefined, return true.
    step!("sec-islooselyequal", "2");
    if let (Null, Undefined) = (x, y) {
        return Ok(true);
    }
    // 3. If x is undefined and y is null, return true.
    step!("sec-islooselyequal", "3");
    if let (Undefined, Null) = (x, y) {
        return Ok(true);
    }
    // 4. If the host is a web browser or otherwise supports B.3.6, then (this host does
    //    not: no object has an [[IsHTMLDDA]] internal slot)
    step!("sec-islooselyequal", "4");
    if HOST_SUPPORTS_IS_HTML_DDA {
        // a. If x is an Object, x has an [[IsHTMLDDA]] internal slot, and y is either
        //    undefined or null, return true.
        step!("sec-islooselyequal", "4.a");
        // b. If x is either undefined or null, y is an Object, and y has an [[IsHTMLDDA]]
        //    internal slot, return true.
        step!("sec-islooselyequal", "4.b");
    }
    // 5. If x is a Number and y is a String, return ! IsLooselyEqual(x, ! ToNumber(y)).
    step!("sec-islooselyequal", "5");
    if let (Number(_), String(_)) = (x, y) {
        let ny = to_number(agent, y)?;
        return is_loosely_equal(agent, x, &Number(ny));
    }
    // 6. If x is a String and y is a Number, return ! IsLooselyEqual(! ToNumber(x), y).
    step!("sec-islooselyequal", "6");
    if let (String(_), Number(_)) = (x, y) {
        let nx = to_number(agent, x)?;
        return is_loosely_equal(agent, &Number(nx), y);
    }
    // 7. If x is a BigInt and y is a String, then
    step!("sec-islooselyequal", "7");
    if let (BigInt(_), String(s)) = (x, y) {
        // a. Let n be StringToBigInt(y).
        step!("sec-islooselyequal", "7.a");
        let n = string_to_big_int(s);
        // b. If n is undefined, return false.
        step!("sec-islooselyequal", "7.b");
        let Some(n) = n else {
            return Ok(false);
        };
        // c. Return ! IsLooselyEqual(x, n).
        step!("sec-islooselyequal", "7.c");
        return is_loosely_equal(agent, x, &BigInt(n));
    }
    // 8. If x is a String and y is a BigInt, return ! IsLooselyEqual(y, x).
    step!("sec-islooselyequal", "8");
    if let (String(_), BigInt(_)) = (x, y) {
        return is_loosely_equal(agent, y, x);
    }
    // 9. If x is a Boolean, return ! IsLooselyEqual(! ToNumber(x), y).
    step!("sec-islooselyequal", "9");
    if let Boolean(b) = x {
        return is_loosely_equal(agent, &Number(f64::from(u8::from(*b))), y);
    }
    // 10. If y is a Boolean, return ! IsLooselyEqual(x, ! ToNumber(y)).
    step!("sec-islooselyequal", "10");
    if let Boolean(b) = y {
        return is_loosely_equal(agent, x, &Number(f64::from(u8::from(*b))));
    }
    // 11. If x is either a String, a Number, a BigInt, or a Symbol and y is an Object,
    //     return ! IsLooselyEqual(x, ? ToPrimitive(y)).
    step!("sec-islooselyequal", "11");
    if let (String(_) | Number(_) | BigInt(_) | Symbol(_), Object(_)) = (x, y) {
        let py = to_primitive(agent, y, None)?;
        return is_loosely_equal(agent, x, &py);
    }
    // 12. If x is an Object and y is either a String, a Number, a BigInt, or a Symbol,
    //     return ! IsLooselyEqual(? ToPrimitive(x), y).
    step!("sec-islooselyequal", "12");
    if let (Object(_), String(_) | Number(_) | BigInt(_) | Symbol(_)) = (x, y) {
        let px = to_primitive(agent, x, None)?;
        return is_loosely_equal(agent, &px, y);
    }
    // 13. If x is a BigInt and y is a Number, or if x is a Number and y is a BigInt, then
    step!("sec-islooselyequal", "13");
    if let (BigInt(a), Number(n)) | (Number(n), BigInt(a)) = (x, y) {
        // a. If x is not finite or y is not finite, return false.
        step!("sec-islooselyequal", "13.a");
        if !n.is_finite() {
            return Ok(false);
        }
        // b. If ℝ(x) = ℝ(y), return true; otherwise return false.
        step!("sec-islooselyequal", "13.b");
        return Ok(
            n.fract() == 0.0 && compare_bigint_number(a.value(), *n) == Some(Ordering::Equal)
        );
    }
    // 14. Return false.
    step!("sec-islooselyequal", "14");
    Ok(false)
}

/// Whether the host supports B.3.6 (the [[IsHTMLDDA]] internal slot): it does not.
const HOST_SUPPORTS_IS_HTML_DDA: bool = false;

/// IsStrictlyEqual ( x, y ) (7.2.14).
pub fn is_strictly_equal(x: &Value, y: &Value) -> bool {
    // 1. If SameType(x, y) is false, return false.
    step!("sec-isstrictlyequal", "1");
    if !same_type(x, y) {
        return false;
    }
    // 2. If x is a Number, then
    step!("sec-isstrictlyequal", "2");
    if let (Value::Number(a), Value::Number(b)) = (x, y) {
        // a. Return Number::equal(x, y).
        step!("sec-isstrictlyequal", "2.a");
        return a == b;
    }
    // 3. Return SameValueNonNumber(x, y).
    step!("sec-isstrictlyequal", "3");
    same_value_non_number(x, y)
}
