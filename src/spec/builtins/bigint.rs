//! 21.2 BigInt Objects (sec-bigint-objects): the BigInt function, BigInt.asIntN /
//! BigInt.asUintN and %BigInt.prototype% (an ordinary object).

use super::helpers::{define_constructor, define_method, define_value};
use super::number::is_integral_number;
use crate::spec::agents::Agent;
use crate::spec::bigint_type::{check_bigint_bits, JsBigInt};
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::{InternalSlot, ObjectKind};
use crate::spec::object_type::PropertyKey;
use crate::spec::ordinary_object_internal_methods::brand_check_error;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::type_conversion::{
    to_big_int, to_index, to_integer_or_infinity, to_primitive, PreferredType,
};
use crate::spec::value::Value;
use num_bigint::BigInt;
use num_traits::{FromPrimitive, One, Signed, Zero};

/// BigInt ( value ) (21.2.1.1).
fn bigint_function(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If NewTarget is not undefined, throw a TypeError exception.
    if call.new_target.is_some() {
        return Err(agent.type_error("BigInt is not a constructor"));
    }
    // 2. Let prim be ? ToPrimitive(value, ~number~).
    let prim = to_primitive(agent, &call.arg(0), Some(PreferredType::Number))?;
    // 3. If prim is a Number, return ? NumberToBigInt(prim).
    if let Value::Number(n) = prim {
        return Ok(Value::BigInt(number_to_big_int(agent, n)?));
    }
    // 4. Otherwise, return ? ToBigInt(prim).
    Ok(Value::BigInt(to_big_int(agent, &prim)?))
}

/// NumberToBigInt ( number ) (21.2.1.1.1).
pub fn number_to_big_int(agent: &mut Agent, number: f64) -> JsResult<JsBigInt> {
    // 1. If IsIntegralNumber(number) is false, throw a RangeError exception.
    crate::step!("sec-numbertobigint", "1");
    if !is_integral_number(number) {
        return Err(agent.range_error(&format!(
            "{} cannot be converted to a BigInt because it is not an integer",
            crate::spec::number_type::number_to_string(number)
        )));
    }
    // 2. Return ℤ(ℝ(number)).
    crate::step!("sec-numbertobigint", "2");
    match BigInt::from_f64(number) {
        Some(b) => Ok(JsBigInt::new(b)),
        None => Err(agent.range_error("cannot convert the Number to a BigInt")),
    }
}

/// BigInt.asIntN ( bits, bigint ) (21.2.2.1).
fn as_int_n(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Set bits to ? ToIndex(bits).
    let bits = to_index(agent, &call.arg(0))?;
    // 2. Set bigint to ? ToBigInt(bigint).
    let bigint = to_big_int(agent, &call.arg(1))?;
    let value = bigint.value();
    if bits == 0 {
        return Ok(Value::BigInt(JsBigInt::new(BigInt::zero())));
    }
    // When -2^(bits-1) ≤ bigint < 2^(bits-1), the steps below give bigint itself.
    if value.magnitude().bits() < bits {
        return Ok(Value::BigInt(bigint));
    }
    // 3. Let mod be ℝ(bigint) modulo 2^bits.
    // (Here bits ≤ the size of bigint, so 2^bits is representable.)
    let modulus = BigInt::one() << bits as usize;
    let m = modulo(value, &modulus);
    // 4. If mod ≥ 2^(bits - 1), return ℤ(mod - 2^bits); otherwise, return ℤ(mod).
    let half = BigInt::one() << (bits - 1) as usize;
    let result = if m >= half { m - modulus } else { m };
    Ok(Value::BigInt(JsBigInt::new(result)))
}

/// BigInt.asUintN ( bits, bigint ) (21.2.2.2).
fn as_uint_n(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Set bits to ? ToIndex(bits).
    let bits = to_index(agent, &call.arg(0))?;
    // 2. Set bigint to ? ToBigInt(bigint).
    let bigint = to_big_int(agent, &call.arg(1))?;
    let value = bigint.value();
    // When 0 ≤ bigint < 2^bits, the step below gives bigint itself.
    if !value.is_negative() && value.bits() <= bits {
        return Ok(Value::BigInt(bigint));
    }
    // (The result can have as many bits as asked for: the size limit comes first.)
    check_bigint_bits(bits, false).map_err(|e| e.throw(agent))?;
    // 3. Return ℤ(ℝ(bigint) modulo 2^bits).
    let modulus = BigInt::one() << bits as usize;
    Ok(Value::BigInt(JsBigInt::new(modulo(value, &modulus))))
}

/// x modulo m (the result has the sign of m, 5.2.5).
fn modulo(x: &BigInt, m: &BigInt) -> BigInt {
    let r = x % m;
    if r.is_negative() {
        r + m
    } else {
        r
    }
}

/// ThisBigIntValue ( value ) (21.2.3.4.1).
fn this_big_int_value(agent: &mut Agent, value: &Value, method: &str) -> JsResult<JsBigInt> {
    // 1. If value is a BigInt, return value.
    crate::step!("sec-thisbigintvalue", "1");
    if let Value::BigInt(b) = value {
        return Ok(b.clone());
    }
    // 2. If value is an Object and value has a [[BigIntData]] internal slot, then
    crate::step!("sec-thisbigintvalue", "2");
    if let Value::Object(o) = value {
        if let ObjectKind::BigInt(b) = &o.data().kind {
            // a. Assert: value.[[BigIntData]] is a BigInt.
            crate::spec_assert!(
                "sec-thisbigintvalue",
                "2.a",
                by: "the [[BigIntData]] slot holds a JsBigInt"
            );
            // b. Return value.[[BigIntData]].
            crate::step!("sec-thisbigintvalue", "2.b");
            return Ok(b.clone());
        }
    }
    // 3. Throw a TypeError exception.
    crate::step!("sec-thisbigintvalue", "3");
    Err(brand_check_error(
        agent,
        InternalSlot::BigIntData,
        format_args!("BigInt.prototype.{method}"),
    ))
}

/// BigInt.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] ) (21.2.3.2): without
/// ECMA-402 the String is implementation-defined; this implementation gives the same
/// String as BigInt.prototype.toString with no radix.
fn to_locale_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let x = this_big_int_value(agent, call.this, "toLocaleString")?;
    Ok(Value::String(x.to_js_string()))
}

/// BigInt.prototype.toString ( [ radix ] ) (21.2.3.3).
fn to_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let x be ? ThisBigIntValue(this value).
    let x = this_big_int_value(agent, call.this, "toString")?;
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
    // 5. Return BigInt::toString(x, radixMV) (6.1.6.2.23: lowercase letters for digits
    //    from 10 to 35, a "-" for a negative value).
    Ok(Value::string(&x.value().to_str_radix(radix_mv as u32)))
}

/// BigInt.prototype.valueOf ( ) (21.2.3.4).
fn value_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return ? ThisBigIntValue(this value).
    Ok(Value::BigInt(this_big_int_value(
        agent, call.this, "valueOf",
    )?))
}

/// Creates %BigInt% (21.2.2) and the properties of %BigInt.prototype% (21.2.3).
pub fn create_bigint_intrinsics(agent: &mut Agent, realm: &Realm) {
    let prototype = realm.intrinsic(Intrinsic::BigIntPrototype);
    // 21.2.1: "is not intended to be used with the new operator or to be subclassed. It
    // may be used as the value of an extends clause of a class definition but a super call
    // to the BigInt constructor will cause an exception."
    let bigint = define_constructor(
        agent,
        realm,
        Intrinsic::BigInt,
        "BigInt",
        1,
        bigint_function,
        &prototype,
        None,
    );
    define_method(agent, &bigint, "asIntN", 2, as_int_n);
    define_method(agent, &bigint, "asUintN", 2, as_uint_n);
    define_method(agent, &prototype, "toLocaleString", 0, to_locale_string);
    define_method(agent, &prototype, "toString", 0, to_string);
    define_method(agent, &prototype, "valueOf", 0, value_of);
    // 21.2.3.5 BigInt.prototype [ %Symbol.toStringTag% ]: "BigInt", { [[Writable]]: false,
    // [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(&prototype, tag, Value::string("BigInt"), false, false, true);
}
