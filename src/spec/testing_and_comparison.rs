//! 7.2 Testing and Comparison Operations (sec-testing-and-comparison-operations).

use super::agents::Agent;
use super::bigint_type::{bigint_equal, bigint_less_than};
use super::builtins::string::operations::code_point_at;
use super::completion_record::JsResult;
use super::number_type::{
    number_equal, number_less_than, number_same_value, number_same_value_zero,
};
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
#[crate::trace::checks_tracing_once]
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
#[crate::trace::checks_tracing_once]
#[inline]
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
#[crate::trace::checks_tracing_once]
#[inline]
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

/// IsStringWellFormedUnicode ( string ) (7.2.7).
pub fn is_string_well_formed_unicode(string: &[u16]) -> bool {
    // 1. Let len be the length of string.
    step!("sec-isstringwellformedunicode", "1");
    let len = string.len();
    // 2. Let k be 0.
    step!("sec-isstringwellformedunicode", "2");
    let mut k = 0;
    // 3. Repeat, while k < len,
    step!("sec-isstringwellformedunicode", "3");
    while k < len {
        // a. Let cp be CodePointAt(string, k).
        step!("sec-isstringwellformedunicode", "3.a");
        let cp = code_point_at(string, k);
        // b. If cp.[[IsUnpairedSurrogate]] is true, return false.
        step!("sec-isstringwellformedunicode", "3.b");
        if cp.is_unpaired_surrogate {
            return false;
        }
        // c. Set k to k + cp.[[CodeUnitCount]].
        step!("sec-isstringwellformedunicode", "3.c");
        k += cp.code_unit_count;
    }
    // 4. Return true.
    step!("sec-isstringwellformedunicode", "4");
    true
}

/// SameValue ( x, y ) (7.2.9).
#[crate::trace::checks_tracing_once]
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
        return number_same_value(*a, *b);
    }
    // 3. Return SameValueNonNumber(x, y).
    step!("sec-samevalue", "3");
    same_value_non_number(x, y)
}

/// SameType ( x, y ) (7.2.8).
#[crate::trace::checks_tracing_once]
pub fn same_type(x: &Value, y: &Value) -> bool {
    use Value::*;
    // With tracing off, one comparison of the variants (each language type is one variant
    // of `Value`) gives the answer of steps 1-9.
    if !crate::trace::enabled() {
        return std::mem::discriminant(x) == std::mem::discriminant(y);
    }
    // 1. If x is undefined and y is undefined, return true.
    step!("sec-sametype", "1");
    if let (Undefined, Undefined) = (x, y) {
        return true;
    }
    // 2. If x is null and y is null, return true.
    step!("sec-sametype", "2");
    if let (Null, Null) = (x, y) {
        return true;
    }
    // 3. If x is a Boolean and y is a Boolean, return true.
    step!("sec-sametype", "3");
    if let (Boolean(_), Boolean(_)) = (x, y) {
        return true;
    }
    // 4. If x is a Number and y is a Number, return true.
    step!("sec-sametype", "4");
    if let (Number(_), Number(_)) = (x, y) {
        return true;
    }
    // 5. If x is a BigInt and y is a BigInt, return true.
    step!("sec-sametype", "5");
    if let (BigInt(_), BigInt(_)) = (x, y) {
        return true;
    }
    // 6. If x is a Symbol and y is a Symbol, return true.
    step!("sec-sametype", "6");
    if let (Symbol(_), Symbol(_)) = (x, y) {
        return true;
    }
    // 7. If x is a String and y is a String, return true.
    step!("sec-sametype", "7");
    if let (String(_), String(_)) = (x, y) {
        return true;
    }
    // 8. If x is an Object and y is an Object, return true.
    step!("sec-sametype", "8");
    if let (Object(_), Object(_)) = (x, y) {
        return true;
    }
    // 9. Return false.
    step!("sec-sametype", "9");
    false
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
        return number_same_value_zero(*a, *b);
    }
    // 3. Return SameValueNonNumber(x, y).
    step!("sec-samevaluezero", "3");
    same_value_non_number(x, y)
}

/// SameValueNonNumber ( x, y ) (7.2.11).
#[crate::trace::checks_tracing_once]
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
        return bigint_equal(a.value(), b.value());
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
#[crate::trace::checks_tracing_once]
pub fn is_less_than(
    agent: &mut Agent,
    x: &Value,
    y: &Value,
    left_first: bool,
) -> JsResult<Option<bool>> {
    // 1. If LeftFirst is true, then
    step!("sec-islessthan", "1");
    let (px, py) = if left_first {
        // a. Let px be ? ToPrimitive(x, number).
        step!("sec-islessthan", "1.a");
        let px = to_primitive(agent, x, Some(PreferredType::Number))?;
        // b. Let py be ? ToPrimitive(y, number).
        step!("sec-islessthan", "1.b");
        let py = to_primitive(agent, y, Some(PreferredType::Number))?;
        (px, py)
    } else {
        // 2. Else,
        step!("sec-islessthan", "2");
        // a. NOTE: The order of evaluation needs to be reversed to preserve left to right
        //    evaluation.
        step!("sec-islessthan", "2.a");
        // b. Let py be ? ToPrimitive(y, number).
        step!("sec-islessthan", "2.b");
        let py = to_primitive(agent, y, Some(PreferredType::Number))?;
        // c. Let px be ? ToPrimitive(x, number).
        step!("sec-islessthan", "2.c");
        let px = to_primitive(agent, x, Some(PreferredType::Number))?;
        (px, py)
    };
    // 3. If px is a String and py is a String, then
    step!("sec-islessthan", "3");
    if let (Value::String(px), Value::String(py)) = (&px, &py) {
        let (px, py) = (px.units(), py.units());
        // a. Let lx be the length of px.
        step!("sec-islessthan", "3.a");
        let lx = px.len();
        // b. Let ly be the length of py.
        step!("sec-islessthan", "3.b");
        let ly = py.len();
        // c. For each integer i such that 0 ≤ i < min(lx, ly), in ascending order, do
        step!("sec-islessthan", "3.c");
        if !crate::trace::enabled() {
            // With tracing off, one slice comparison does the loop and step d (code unit
            // by code unit; a proper prefix is less).
            return Ok(Some(px < py));
        }
        for i in 0..lx.min(ly) {
            // i. Let cx be the numeric value of the code unit at index i within px.
            step!("sec-islessthan", "3.c.i");
            let cx = px[i];
            // ii. Let cy be the numeric value of the code unit at index i within py.
            step!("sec-islessthan", "3.c.ii");
            let cy = py[i];
            // iii. If cx < cy, return true.
            step!("sec-islessthan", "3.c.iii");
            if cx < cy {
                return Ok(Some(true));
            }
            // iv. If cx > cy, return false.
            step!("sec-islessthan", "3.c.iv");
            if cx > cy {
                return Ok(Some(false));
            }
        }
        // d. If lx < ly, return true; otherwise return false.
        step!("sec-islessthan", "3.d");
        return Ok(Some(lx < ly));
    }
    // 4. Else,
    step!("sec-islessthan", "4");
    // a. If px is a BigInt and py is a String, then
    step!("sec-islessthan", "4.a");
    if let (Value::BigInt(px), Value::String(py)) = (&px, &py) {
        // i. Let ny be StringToBigInt(py).
        step!("sec-islessthan", "4.a.i");
        let ny = match string_to_big_int(py) {
            Ok(ny) => ny,
            // A String too long for a BigInt is beyond every BigInt, on its sign's side.
            Err(too_big) => return Ok(Some(!too_big.negative)),
        };
        // ii. If ny is undefined, return undefined.
        step!("sec-islessthan", "4.a.ii");
        let Some(ny) = ny else {
            return Ok(None);
        };
        // iii. Return BigInt::lessThan(px, ny).
        step!("sec-islessthan", "4.a.iii");
        return Ok(Some(bigint_less_than(px.value(), ny.value())));
    }
    // b. If px is a String and py is a BigInt, then
    step!("sec-islessthan", "4.b");
    if let (Value::String(px), Value::BigInt(py)) = (&px, &py) {
        // i. Let nx be StringToBigInt(px).
        step!("sec-islessthan", "4.b.i");
        let nx = match string_to_big_int(px) {
            Ok(nx) => nx,
            // A String too long for a BigInt is beyond every BigInt, on its sign's side.
            Err(too_big) => return Ok(Some(too_big.negative)),
        };
        // ii. If nx is undefined, return undefined.
        step!("sec-islessthan", "4.b.ii");
        let Some(nx) = nx else {
            return Ok(None);
        };
        // iii. Return BigInt::lessThan(nx, py).
        step!("sec-islessthan", "4.b.iii");
        return Ok(Some(bigint_less_than(nx.value(), py.value())));
    }
    // c. NOTE: Because px and py are primitive values, evaluation order is not important.
    step!("sec-islessthan", "4.c");
    // d. Let nx be ? ToNumeric(px).
    step!("sec-islessthan", "4.d");
    let nx = to_numeric(agent, &px)?;
    // e. Let ny be ? ToNumeric(py).
    step!("sec-islessthan", "4.e");
    let ny = to_numeric(agent, &py)?;
    // f. If SameType(nx, ny) is true, then
    step!("sec-islessthan", "4.f");
    let same_numeric_type = matches!(
        (&nx, &ny),
        (Numeric::Number(_), Numeric::Number(_)) | (Numeric::BigInt(_), Numeric::BigInt(_))
    );
    if same_numeric_type {
        // i. If nx is a Number, then
        step!("sec-islessthan", "4.f.i");
        if let (Numeric::Number(nx), Numeric::Number(ny)) = (&nx, &ny) {
            // 1. Return Number::lessThan(nx, ny).
            step!("sec-islessthan", "4.f.i.1");
            return Ok(number_less_than(*nx, *ny));
        }
        // ii. Else,
        step!("sec-islessthan", "4.f.ii");
        // 1. Assert: nx is a BigInt.
        spec_assert!(
            "sec-islessthan",
            "4.f.ii.1",
            matches!(nx, Numeric::BigInt(_))
        );
        // 2. Return BigInt::lessThan(nx, ny).
        step!("sec-islessthan", "4.f.ii.2");
        return Ok(match (&nx, &ny) {
            (Numeric::BigInt(nx), Numeric::BigInt(ny)) => {
                Some(bigint_less_than(nx.value(), ny.value()))
            }
            _ => None,
        });
    }
    // g. Assert: nx is a BigInt and ny is a Number, or nx is a Number and ny is a BigInt.
    spec_assert!("sec-islessthan", "4.g", !same_numeric_type);
    // (big is the BigInt operand, n the Number one; big_is_x says which is nx.)
    let (big, n, big_is_x) = match (&nx, &ny) {
        (Numeric::BigInt(big), Numeric::Number(n)) => (big, *n, true),
        (Numeric::Number(n), Numeric::BigInt(big)) => (big, *n, false),
        _ => return Ok(None),
    };
    // h. If nx or ny is NaN, return undefined.
    step!("sec-islessthan", "4.h");
    if n.is_nan() {
        return Ok(None);
    }
    // i. If nx is -∞𝔽 or ny is +∞𝔽, return true.
    step!("sec-islessthan", "4.i");
    if (!big_is_x && n == f64::NEG_INFINITY) || (big_is_x && n == f64::INFINITY) {
        return Ok(Some(true));
    }
    // j. If nx is +∞𝔽 or ny is -∞𝔽, return false.
    step!("sec-islessthan", "4.j");
    if (!big_is_x && n == f64::INFINITY) || (big_is_x && n == f64::NEG_INFINITY) {
        return Ok(Some(false));
    }
    // k. If ℝ(nx) < ℝ(ny), return true; otherwise return false.
    step!("sec-islessthan", "4.k");
    Ok(compare_bigint_number(big.value(), n).map(|order| {
        if big_is_x {
            order == Ordering::Less
        } else {
            order == Ordering::Greater
        }
    }))
}

/// IsLooselyEqual ( x, y ) (7.2.13).
#[crate::trace::checks_tracing_once]
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
        // (A String too long for a BigInt equals none.)
        let n = string_to_big_int(s).unwrap_or(None);
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
#[crate::trace::checks_tracing_once]
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
        return number_equal(*a, *b);
    }
    // 3. Return SameValueNonNumber(x, y).
    step!("sec-isstrictlyequal", "3");
    same_value_non_number(x, y)
}
