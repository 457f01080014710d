//! 21.3 The Math Object (sec-math-object): an ordinary object whose [[Prototype]] is
//! %Object.prototype%, with the value properties of 21.3.1 and the functions of 21.3.2.
//!
//! Every one-argument function starts with "1. Let n be ? ToNumber(x)."; the rest of its
//! steps are the pure function of `n` below its clause heading, and [`unary`] wraps it
//! into a built-in function. "An implementation-approximated Number value representing
//! ..." is the Rust standard library's (libm's) result.

use super::helpers::{define_method, define_value};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{Behaviour, BuiltinCall};
use crate::spec::completion_record::JsResult;
use crate::spec::number_type::number_exponentiate;
use crate::spec::object_type::PropertyKey;
use crate::spec::operations_on_iterator_objects::{
    get_iterator, iterator_close, iterator_step_value,
};
use crate::spec::ordinary_object_internal_methods::ordinary_object_create;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::testing_and_comparison::require_object_coercible;
use crate::spec::type_conversion::{to_number, to_uint32};
use crate::spec::value::Value;
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::ToPrimitive;
use std::cell::Cell;
use std::f64::consts::{FRAC_PI_2, FRAC_PI_4, PI};

/// Wraps the steps after "1. Let n be ? ToNumber(x)." of a one-argument Math function.
macro_rules! unary {
    ($($behaviour:ident => $steps:ident),* $(,)?) => {
        $(
            fn $behaviour(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
                // 1. Let n be ? ToNumber(x).
                let n = to_number(agent, &call.arg(0))?;
                Ok(Value::Number($steps(n)))
            }
        )*
    };
}

unary! {
    abs => abs_steps,
    acos => acos_steps,
    acosh => acosh_steps,
    asin => asin_steps,
    asinh => asinh_steps,
    atan => atan_steps,
    atanh => atanh_steps,
    cbrt => cbrt_steps,
    ceil => ceil_steps,
    cos => cos_steps,
    cosh => cosh_steps,
    exp => exp_steps,
    expm1 => expm1_steps,
    floor => floor_steps,
    fround => fround_steps,
    f16round => f16round_steps,
    log => log_steps,
    log1p => log1p_steps,
    log10 => log10_steps,
    log2 => log2_steps,
    round => round_steps,
    sign => sign_steps,
    sin => sin_steps,
    sinh => sinh_steps,
    sqrt => sqrt_steps,
    tan => tan_steps,
    tanh => tanh_steps,
    trunc => trunc_steps,
}

/// Whether `n` is ±0𝔽.
fn is_zero(n: f64) -> bool {
    n == 0.0
}

/// "n is an integral Number": finite with no fractional part.
fn is_integral(n: f64) -> bool {
    n.is_finite() && n.trunc() == n
}

/// Math.abs ( x ) (21.3.2.1).
fn abs_steps(n: f64) -> f64 {
    // 2. If n is NaN, return NaN.
    // 3. If n is -0𝔽, return +0𝔽.
    // 4. If n is -∞𝔽, return +∞𝔽.
    // 5. If n < -0𝔽, return -n.
    // 6. Return n.
    n.abs()
}

/// Math.acos ( x ) (21.3.2.2).
fn acos_steps(n: f64) -> f64 {
    // 2. If n is NaN, n > 1𝔽, or n < -1𝔽, return NaN.
    if n.is_nan() || !(-1.0..=1.0).contains(&n) {
        return f64::NAN;
    }
    // 3. If n is 1𝔽, return +0𝔽.
    if n == 1.0 {
        return 0.0;
    }
    // 4. Return an implementation-approximated Number value representing the inverse
    //    cosine of ℝ(n).
    n.acos()
}

/// Math.acosh ( x ) (21.3.2.3).
fn acosh_steps(n: f64) -> f64 {
    // 2. If n is either NaN or +∞𝔽, return n.
    if n.is_nan() || n == f64::INFINITY {
        return n;
    }
    // 3. If n is 1𝔽, return +0𝔽.
    if n == 1.0 {
        return 0.0;
    }
    // 4. If n < 1𝔽, return NaN.
    if n < 1.0 {
        return f64::NAN;
    }
    // 5. Return an implementation-approximated Number value representing the inverse
    //    hyperbolic cosine of ℝ(n).
    n.acosh()
}

/// Math.asin ( x ) (21.3.2.4).
fn asin_steps(n: f64) -> f64 {
    // 2. If n is one of NaN, +0𝔽, or -0𝔽, return n.
    if n.is_nan() || is_zero(n) {
        return n;
    }
    // 3. If n > 1𝔽 or n < -1𝔽, return NaN.
    if !(-1.0..=1.0).contains(&n) {
        return f64::NAN;
    }
    // 4. Return an implementation-approximated Number value representing the inverse sine
    //    of ℝ(n).
    n.asin()
}

/// Math.asinh ( x ) (21.3.2.5).
fn asinh_steps(n: f64) -> f64 {
    // 2. If n is not finite or n is either +0𝔽 or -0𝔽, return n.
    if !n.is_finite() || is_zero(n) {
        return n;
    }
    // 3. Return an implementation-approximated Number value representing the inverse
    //    hyperbolic sine of ℝ(n).
    n.asinh()
}

/// Math.atan ( x ) (21.3.2.6).
fn atan_steps(n: f64) -> f64 {
    // 2. If n is one of NaN, +0𝔽, or -0𝔽, return n.
    if n.is_nan() || is_zero(n) {
        return n;
    }
    // 3. If n is +∞𝔽, return an implementation-approximated Number value representing π / 2.
    if n == f64::INFINITY {
        return FRAC_PI_2;
    }
    // 4. If n is -∞𝔽, return an implementation-approximated Number value representing -π / 2.
    if n == f64::NEG_INFINITY {
        return -FRAC_PI_2;
    }
    // 5. Return an implementation-approximated Number value representing the inverse
    //    tangent of ℝ(n).
    n.atan()
}

/// Math.atanh ( x ) (21.3.2.7).
fn atanh_steps(n: f64) -> f64 {
    // 2. If n is one of NaN, +0𝔽, or -0𝔽, return n.
    if n.is_nan() || is_zero(n) {
        return n;
    }
    // 3. If n > 1𝔽 or n < -1𝔽, return NaN.
    if !(-1.0..=1.0).contains(&n) {
        return f64::NAN;
    }
    // 4. If n is 1𝔽, return +∞𝔽.
    if n == 1.0 {
        return f64::INFINITY;
    }
    // 5. If n is -1𝔽, return -∞𝔽.
    if n == -1.0 {
        return f64::NEG_INFINITY;
    }
    // 6. Return an implementation-approximated Number value representing the inverse
    //    hyperbolic tangent of ℝ(n).
    n.atanh()
}

/// Math.atan2 ( y, x ) (21.3.2.8).
fn atan2(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let ny be ? ToNumber(y).
    let ny = to_number(agent, &call.arg(0))?;
    // 2. Let nx be ? ToNumber(x).
    let nx = to_number(agent, &call.arg(1))?;
    Ok(Value::Number(atan2_steps(ny, nx)))
}

fn atan2_steps(ny: f64, nx: f64) -> f64 {
    let positive_zero = |n: f64| n == 0.0 && n.is_sign_positive();
    // 3. If ny is NaN or nx is NaN, return NaN.
    if ny.is_nan() || nx.is_nan() {
        return f64::NAN;
    }
    // 4. If ny is +∞𝔽, then
    if ny == f64::INFINITY {
        // a. If nx is +∞𝔽, return an implementation-approximated Number value
        //    representing π / 4.
        // b. If nx is -∞𝔽, return an implementation-approximated Number value
        //    representing 3π / 4.
        // c. Return an implementation-approximated Number value representing π / 2.
        return match nx {
            f64::INFINITY => FRAC_PI_4,
            f64::NEG_INFINITY => 3.0 * FRAC_PI_4,
            _ => FRAC_PI_2,
        };
    }
    // 5. If ny is -∞𝔽, then
    if ny == f64::NEG_INFINITY {
        // a. If nx is +∞𝔽, return ... -π / 4.
        // b. If nx is -∞𝔽, return ... -3π / 4.
        // c. Return ... -π / 2.
        return match nx {
            f64::INFINITY => -FRAC_PI_4,
            f64::NEG_INFINITY => -3.0 * FRAC_PI_4,
            _ => -FRAC_PI_2,
        };
    }
    // 6. If ny is +0𝔽, then
    //    a. If nx > +0𝔽 or nx is +0𝔽, return +0𝔽.
    //    b. Return an implementation-approximated Number value representing π.
    if positive_zero(ny) {
        return if nx > 0.0 || positive_zero(nx) {
            0.0
        } else {
            PI
        };
    }
    // 7. If ny is -0𝔽, then
    //    a. If nx > +0𝔽 or nx is +0𝔽, return -0𝔽.
    //    b. Return an implementation-approximated Number value representing -π.
    if is_zero(ny) {
        return if nx > 0.0 || positive_zero(nx) {
            -0.0
        } else {
            -PI
        };
    }
    // 8. Assert: ny is finite and is neither +0𝔽 nor -0𝔽.
    // 9. If ny > +0𝔽, then
    if ny > 0.0 {
        // a. If nx is +∞𝔽, return +0𝔽.
        if nx == f64::INFINITY {
            return 0.0;
        }
        // b. If nx is -∞𝔽, return an implementation-approximated Number value
        //    representing π.
        if nx == f64::NEG_INFINITY {
            return PI;
        }
        // c. If nx is either +0𝔽 or -0𝔽, return an implementation-approximated Number
        //    value representing π / 2.
        if is_zero(nx) {
            return FRAC_PI_2;
        }
    }
    // 10. If ny < -0𝔽, then
    if ny < 0.0 {
        // a. If nx is +∞𝔽, return -0𝔽.
        if nx == f64::INFINITY {
            return -0.0;
        }
        // b. If nx is -∞𝔽, return ... -π.
        if nx == f64::NEG_INFINITY {
            return -PI;
        }
        // c. If nx is either +0𝔽 or -0𝔽, return ... -π / 2.
        if is_zero(nx) {
            return -FRAC_PI_2;
        }
    }
    // 11. Assert: nx is finite and is neither +0𝔽 nor -0𝔽.
    // 12. Let r be the inverse tangent of abs(ℝ(ny) / ℝ(nx)).
    // 13. If nx < -0𝔽, then a. If ny > +0𝔽, set r to π - r. b. Else, set r to -π + r.
    // 14. Else, a. If ny < -0𝔽, set r to -r.
    // 15. Return an implementation-approximated Number value representing r.
    // (libm's atan2 computes r without the intermediate rounding of ny / nx.)
    ny.atan2(nx)
}

/// Math.cbrt ( x ) (21.3.2.9).
fn cbrt_steps(n: f64) -> f64 {
    // 2. If n is not finite or n is either +0𝔽 or -0𝔽, return n.
    if !n.is_finite() || is_zero(n) {
        return n;
    }
    // 3. Return an implementation-approximated Number value representing the cube root of
    //    ℝ(n).
    n.cbrt()
}

/// Math.ceil ( x ) (21.3.2.10).
fn ceil_steps(n: f64) -> f64 {
    // 2. If n is not finite or n is either +0𝔽 or -0𝔽, return n.
    if !n.is_finite() || is_zero(n) {
        return n;
    }
    // 3. If n < -0𝔽 and n > -1𝔽, return -0𝔽.
    if n < 0.0 && n > -1.0 {
        return -0.0;
    }
    // 4. If n is an integral Number, return n.
    if is_integral(n) {
        return n;
    }
    // 5. Return the smallest (closest to -∞) integral Number value that is not less than n.
    n.ceil()
}

/// Math.clz32 ( x ) (21.3.2.11).
fn clz32(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let n be ? ToUint32(x).
    let n = to_uint32(agent, &call.arg(0))?;
    // 2. Let p be the number of leading zero bits in the unsigned 32-bit binary
    //    representation of n.
    let p = n.leading_zeros();
    // 3. Return 𝔽(p).
    Ok(Value::Number(f64::from(p)))
}

/// Math.cos ( x ) (21.3.2.12).
fn cos_steps(n: f64) -> f64 {
    // 2. If n is not finite, return NaN.
    if !n.is_finite() {
        return f64::NAN;
    }
    // 3. If n is either +0𝔽 or -0𝔽, return 1𝔽.
    if is_zero(n) {
        return 1.0;
    }
    // 4. Return an implementation-approximated Number value representing the cosine of
    //    ℝ(n).
    n.cos()
}

/// Math.cosh ( x ) (21.3.2.13).
fn cosh_steps(n: f64) -> f64 {
    // 2. If n is NaN, return NaN.
    if n.is_nan() {
        return n;
    }
    // 3. If n is either +∞𝔽 or -∞𝔽, return +∞𝔽.
    if n.is_infinite() {
        return f64::INFINITY;
    }
    // 4. If n is either +0𝔽 or -0𝔽, return 1𝔽.
    if is_zero(n) {
        return 1.0;
    }
    // 5. Return an implementation-approximated Number value representing the hyperbolic
    //    cosine of ℝ(n).
    n.cosh()
}

/// Math.exp ( x ) (21.3.2.14).
fn exp_steps(n: f64) -> f64 {
    // 2. If n is either NaN or +∞𝔽, return n.
    if n.is_nan() || n == f64::INFINITY {
        return n;
    }
    // 3. If n is either +0𝔽 or -0𝔽, return 1𝔽.
    if is_zero(n) {
        return 1.0;
    }
    // 4. If n is -∞𝔽, return +0𝔽.
    if n == f64::NEG_INFINITY {
        return 0.0;
    }
    // 5. Return an implementation-approximated Number value representing the exponential
    //    function of ℝ(n).
    n.exp()
}

/// Math.expm1 ( x ) (21.3.2.15).
fn expm1_steps(n: f64) -> f64 {
    // 2. If n is one of NaN, +0𝔽, -0𝔽, or +∞𝔽, return n.
    if n.is_nan() || is_zero(n) || n == f64::INFINITY {
        return n;
    }
    // 3. If n is -∞𝔽, return -1𝔽.
    if n == f64::NEG_INFINITY {
        return -1.0;
    }
    // 4. Let exp be the exponential function of ℝ(n).
    // 5. Return an implementation-approximated Number value representing exp - 1.
    n.exp_m1()
}

/// Math.floor ( x ) (21.3.2.16).
fn floor_steps(n: f64) -> f64 {
    // 2. If n is not finite or n is either +0𝔽 or -0𝔽, return n.
    if !n.is_finite() || is_zero(n) {
        return n;
    }
    // 3. If n < 1𝔽 and n > +0𝔽, return +0𝔽.
    if n < 1.0 && n > 0.0 {
        return 0.0;
    }
    // 4. If n is an integral Number, return n.
    if is_integral(n) {
        return n;
    }
    // 5. Return the greatest (closest to +∞) integral Number value that is not greater
    //    than n.
    n.floor()
}

/// Math.fround ( x ) (21.3.2.17).
fn fround_steps(n: f64) -> f64 {
    // 2. If n is NaN, return NaN.
    // 3. If n is one of +0𝔽, -0𝔽, +∞𝔽, or -∞𝔽, return n.
    if n.is_nan() || is_zero(n) || n.is_infinite() {
        return n;
    }
    // 4. Let n32 be the result of converting n to IEEE 754-2019 binary32 format using
    //    roundTiesToEven mode.
    let n32 = n as f32;
    // 5. Let n64 be the result of converting n32 to IEEE 754-2019 binary64 format.
    // 6. Return the ECMAScript Number value corresponding to n64.
    f64::from(n32)
}

/// Math.f16round ( x ) (21.3.2.18).
fn f16round_steps(n: f64) -> f64 {
    // 2. If n is NaN, return NaN.
    // 3. If n is one of +0𝔽, -0𝔽, +∞𝔽, or -∞𝔽, return n.
    if n.is_nan() || is_zero(n) || n.is_infinite() {
        return n;
    }
    // 4. Let n16 be the result of converting n to IEEE 754-2019 binary16 format using
    //    roundTiesToEven mode.
    // 5. Let n64 be the result of converting n16 to IEEE 754-2019 binary64 format.
    // 6. Return the ECMAScript Number value corresponding to n64.
    round_to_binary16(n)
}

/// The binary64 value of the binary16 value nearest `n` (ties to even), rounding once
/// (a detour through binary32 would round twice).
fn round_to_binary16(n: f64) -> f64 {
    // binary16: 10 fraction bits, exponents -14..=15, subnormals spaced 2^-24 apart.
    const MAX_FINITE: f64 = 65504.0;
    let a = n.abs();
    // The unbiased binary64 exponent of a (a is finite and non-zero).
    let exponent = ((a.to_bits() >> 52) & 0x7ff) as i32 - 1023;
    // The spacing of binary16 values around a: 2^(e - 10) for normals, 2^-24 below 2^-14.
    let spacing = 2f64.powi(exponent.max(-14) - 10);
    // a / spacing and the product below are exact (scaling by a power of two).
    let rounded = (a / spacing).round_ties_even() * spacing;
    let rounded = if rounded > MAX_FINITE {
        f64::INFINITY
    } else {
        rounded
    };
    rounded.copysign(n)
}

/// Math.hypot ( ...args ) (21.3.2.19).
fn hypot(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let coerced be a new empty List.
    let mut coerced = Vec::with_capacity(call.args.len());
    // 2. For each element arg of args, do
    for arg in call.args {
        // a. Let n be ? ToNumber(arg).
        // b. Append n to coerced.
        coerced.push(to_number(agent, arg)?);
    }
    // 3. For each element number of coerced, do
    //    a. If number is either +∞𝔽 or -∞𝔽, return +∞𝔽.
    if coerced.iter().any(|n| n.is_infinite()) {
        return Ok(Value::Number(f64::INFINITY));
    }
    // 4. Let onlyZero be true.
    let mut only_zero = true;
    // 5. For each element number of coerced, do
    for &number in &coerced {
        // a. If number is NaN, return NaN.
        if number.is_nan() {
            return Ok(Value::Number(f64::NAN));
        }
        // b. If number is neither +0𝔽 nor -0𝔽, set onlyZero to false.
        if !is_zero(number) {
            only_zero = false;
        }
    }
    // 6. If onlyZero is true, return +0𝔽.
    if only_zero {
        return Ok(Value::Number(0.0));
    }
    // 7. Return an implementation-approximated Number value representing the square root
    //    of the sum of squares of the mathematical values of the elements of coerced.
    // (Scaled by the largest magnitude so that no square overflows or underflows, and
    // summed with compensation.)
    let scale = coerced.iter().fold(0.0f64, |m, n| m.max(n.abs()));
    let mut sum = 0.0f64;
    let mut compensation = 0.0f64;
    for number in coerced {
        let scaled = number / scale;
        let term = scaled * scaled - compensation;
        let next = sum + term;
        compensation = (next - sum) - term;
        sum = next;
    }
    Ok(Value::Number(sum.sqrt() * scale))
}

/// Math.imul ( x, y ) (21.3.2.20).
fn imul(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let a be ℝ(? ToUint32(x)).
    let a = to_uint32(agent, &call.arg(0))?;
    // 2. Let b be ℝ(? ToUint32(y)).
    let b = to_uint32(agent, &call.arg(1))?;
    // 3. Let product be (a × b) modulo 2^32.
    let product = a.wrapping_mul(b);
    // 4. If product ≥ 2^31, return 𝔽(product - 2^32); otherwise return 𝔽(product).
    Ok(Value::Number(f64::from(product as i32)))
}

/// Steps 2-6 of Math.log, Math.log10 and Math.log2, which differ only in the base.
fn logarithm(n: f64, log: fn(f64) -> f64) -> f64 {
    // 2. If n is either NaN or +∞𝔽, return n.
    if n.is_nan() || n == f64::INFINITY {
        return n;
    }
    // 3. If n is 1𝔽, return +0𝔽.
    if n == 1.0 {
        return 0.0;
    }
    // 4. If n is either +0𝔽 or -0𝔽, return -∞𝔽.
    if is_zero(n) {
        return f64::NEG_INFINITY;
    }
    // 5. If n < -0𝔽, return NaN.
    if n < 0.0 {
        return f64::NAN;
    }
    // 6. Return an implementation-approximated Number value representing the logarithm of
    //    ℝ(n) (natural, base 10 or base 2).
    log(n)
}

/// Math.log ( x ) (21.3.2.21).
fn log_steps(n: f64) -> f64 {
    logarithm(n, f64::ln)
}

/// Math.log1p ( x ) (21.3.2.22).
fn log1p_steps(n: f64) -> f64 {
    // 2. If n is one of NaN, +0𝔽, -0𝔽, or +∞𝔽, return n.
    if n.is_nan() || is_zero(n) || n == f64::INFINITY {
        return n;
    }
    // 3. If n is -1𝔽, return -∞𝔽.
    if n == -1.0 {
        return f64::NEG_INFINITY;
    }
    // 4. If n < -1𝔽, return NaN.
    if n < -1.0 {
        return f64::NAN;
    }
    // 5. Return an implementation-approximated Number value representing the natural
    //    logarithm of 1 + ℝ(n).
    n.ln_1p()
}

/// Math.log10 ( x ) (21.3.2.23).
fn log10_steps(n: f64) -> f64 {
    logarithm(n, f64::log10)
}

/// Math.log2 ( x ) (21.3.2.24).
fn log2_steps(n: f64) -> f64 {
    logarithm(n, f64::log2)
}

/// Math.max ( ...args ) (21.3.2.25) and Math.min ( ...args ) (21.3.2.26).
fn extremum(agent: &mut Agent, call: &BuiltinCall, max: bool) -> JsResult<Value> {
    // 1. Let coerced be a new empty List.
    let mut coerced = Vec::with_capacity(call.args.len());
    // 2. For each element arg of args, do
    for arg in call.args {
        // a. Let n be ? ToNumber(arg).
        // b. Append n to coerced.
        coerced.push(to_number(agent, arg)?);
    }
    // 3. Let highest be -∞𝔽 (max) / Let lowest be +∞𝔽 (min).
    let mut result = if max {
        f64::NEG_INFINITY
    } else {
        f64::INFINITY
    };
    // 4. For each element number of coerced, do
    for number in coerced {
        // a. If number is NaN, return NaN.
        if number.is_nan() {
            return Ok(Value::Number(f64::NAN));
        }
        if max {
            // b. If number is +0𝔽 and highest is -0𝔽, set highest to +0𝔽.
            if is_zero(number) && number.is_sign_positive() && is_zero(result) {
                result = 0.0;
            }
            // c. If number > highest, set highest to number.
            if number > result {
                result = number;
            }
        } else {
            // b. If number is -0𝔽 and lowest is +0𝔽, set lowest to -0𝔽.
            if is_zero(number) && number.is_sign_negative() && is_zero(result) {
                result = -0.0;
            }
            // c. If number < lowest, set lowest to number.
            if number < result {
                result = number;
            }
        }
    }
    // 5. Return highest (lowest).
    Ok(Value::Number(result))
}

/// Math.max ( ...args ) (21.3.2.25).
fn max(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    extremum(agent, call, true)
}

/// Math.min ( ...args ) (21.3.2.26).
fn min(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    extremum(agent, call, false)
}

/// Math.pow ( base, exponent ) (21.3.2.27).
fn pow(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Set base to ? ToNumber(base).
    let base = to_number(agent, &call.arg(0))?;
    // 2. Set exponent to ? ToNumber(exponent).
    let exponent = to_number(agent, &call.arg(1))?;
    // 3. Return Number::exponentiate(base, exponent).
    Ok(Value::Number(number_exponentiate(base, exponent)))
}

thread_local! {
    /// The state of Math.random's generator (xorshift64*), seeded once per thread.
    static RANDOM_STATE: Cell<u64> = Cell::new(random_seed());
}

/// A seed that differs between runs: the clock and an address.
fn random_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    let local = 0u8;
    let address = std::ptr::addr_of!(local) as u64;
    // Never zero (xorshift's fixed point).
    (nanos ^ address.rotate_left(32)) | 1
}

/// Math.random ( ) (21.3.2.28).
fn random(_agent: &mut Agent, _call: &BuiltinCall) -> JsResult<Value> {
    // Returns a Number value with positive sign, greater than or equal to +0𝔽 but strictly
    // less than 1𝔽, chosen randomly or pseudo randomly with approximately uniform
    // distribution over that range, using an implementation-defined algorithm or strategy.
    let bits = RANDOM_STATE.with(|state| {
        let mut x = state.get();
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        state.set(x);
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    });
    // The top 53 bits, scaled into [0, 1).
    Ok(Value::Number((bits >> 11) as f64 / (1u64 << 53) as f64))
}

/// Math.round ( x ) (21.3.2.29).
fn round_steps(n: f64) -> f64 {
    // 2. If n is not finite or n is an integral Number, return n.
    if !n.is_finite() || is_integral(n) {
        return n;
    }
    // 3. If n < 0.5𝔽 and n > +0𝔽, return +0𝔽.
    if n < 0.5 && n > 0.0 {
        return 0.0;
    }
    // 4. If n < -0𝔽 and n ≥ -0.5𝔽, return -0𝔽.
    if (-0.5..0.0).contains(&n) {
        return -0.0;
    }
    // 5. Return the integral Number closest to n, preferring the Number closer to +∞ in
    //    the case of a tie.
    // (n - floor(n) is exact for a non-integral Number.)
    let floor = n.floor();
    if n - floor >= 0.5 {
        floor + 1.0
    } else {
        floor
    }
}

/// Math.sign ( x ) (21.3.2.30).
fn sign_steps(n: f64) -> f64 {
    // 2. If n is one of NaN, +0𝔽, or -0𝔽, return n.
    if n.is_nan() || is_zero(n) {
        return n;
    }
    // 3. If n < -0𝔽, return -1𝔽.
    if n < 0.0 {
        return -1.0;
    }
    // 4. Return 1𝔽.
    1.0
}

/// Math.sin ( x ) (21.3.2.31).
fn sin_steps(n: f64) -> f64 {
    // 2. If n is one of NaN, +0𝔽, or -0𝔽, return n.
    if n.is_nan() || is_zero(n) {
        return n;
    }
    // 3. If n is either +∞𝔽 or -∞𝔽, return NaN.
    if n.is_infinite() {
        return f64::NAN;
    }
    // 4. Return an implementation-approximated Number value representing the sine of ℝ(n).
    n.sin()
}

/// Math.sinh ( x ) (21.3.2.32).
fn sinh_steps(n: f64) -> f64 {
    // 2. If n is not finite or n is either +0𝔽 or -0𝔽, return n.
    if !n.is_finite() || is_zero(n) {
        return n;
    }
    // 3. Return an implementation-approximated Number value representing the hyperbolic
    //    sine of ℝ(n).
    n.sinh()
}

/// Math.sqrt ( x ) (21.3.2.33).
fn sqrt_steps(n: f64) -> f64 {
    // 2. If n is one of NaN, +0𝔽, -0𝔽, or +∞𝔽, return n.
    if n.is_nan() || is_zero(n) || n == f64::INFINITY {
        return n;
    }
    // 3. If n < -0𝔽, return NaN.
    if n < 0.0 {
        return f64::NAN;
    }
    // 4. Return 𝔽(the square root of ℝ(n)) (IEEE 754 square root is correctly rounded).
    n.sqrt()
}

/// The state of Math.sumPrecise's summation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SumState {
    MinusZero,
    Finite,
    PlusInfinity,
    MinusInfinity,
    NotANumber,
}

/// Math.sumPrecise ( items ) (sec-math.sumprecise, ECMAScript 2026): an addition past ECMAScript
/// 2025 that test262 already tests.
fn sum_precise(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let items = call.arg(0);
    // 1. Perform ? RequireObjectCoercible(items).
    require_object_coercible(agent, &items)?;
    // 2. Let iteratorRecord be ? GetIterator(items, ~sync~).
    let mut iterator_record = get_iterator(agent, &items)?;
    // 3. Let state be ~minus-zero~.
    let mut state = SumState::MinusZero;
    // 4. Let sum be 0.
    let mut sum = ExactSum::default();
    // 5. Let count be 0.
    let mut count: u64 = 0;
    // 6. Let next be ~not-started~.
    // 7. Repeat, while next is not ~done~,
    //    a. Set next to ? IteratorStepValue(iteratorRecord).
    //    b. If next is not ~done~, then
    while let Some(next) = iterator_step_value(agent, &mut iterator_record)? {
        // i. Set count to count + 1.
        count += 1;
        // ii. If count ≥ 2^53, then
        if count >= 1 << 53 {
            // 1. Let error be ThrowCompletion(a newly created RangeError object).
            let error = agent.range_error("Math.sumPrecise: too many values");
            // 2. Return ? IteratorClose(iteratorRecord, error).
            return iterator_close(agent, &iterator_record, Err(error));
        }
        // iii. NOTE: The above case is not expected to be reached in practice and is
        //      included only so that implementations may rely on inputs being "reasonably
        //      sized" without violating this specification.
        // iv. If next is not a Number, then
        let Value::Number(n) = next else {
            // 1. Let error be ThrowCompletion(a newly created TypeError object).
            let error = agent.type_error("Math.sumPrecise: a value is not a Number");
            // 2. Return ? IteratorClose(iteratorRecord, error).
            return iterator_close(agent, &iterator_record, Err(error));
        };
        // v. Let n be next.
        // vi. If state is not ~not-a-number~, then
        if state != SumState::NotANumber {
            if n.is_nan() {
                // 1. If n is NaN, then a. Set state to ~not-a-number~.
                state = SumState::NotANumber;
            } else if n == f64::INFINITY {
                // 2. Else if n is +∞𝔽, then
                //    a. If state is ~minus-infinity~, set state to ~not-a-number~.
                //    b. Else, set state to ~plus-infinity~.
                state = if state == SumState::MinusInfinity {
                    SumState::NotANumber
                } else {
                    SumState::PlusInfinity
                };
            } else if n == f64::NEG_INFINITY {
                // 3. Else if n is -∞𝔽, then
                //    a. If state is ~plus-infinity~, set state to ~not-a-number~.
                //    b. Else, set state to ~minus-infinity~.
                state = if state == SumState::PlusInfinity {
                    SumState::NotANumber
                } else {
                    SumState::MinusInfinity
                };
            } else if !(is_zero(n) && n.is_sign_negative())
                && matches!(state, SumState::MinusZero | SumState::Finite)
            {
                // 4. Else if n is not -0𝔽 and state is either ~minus-zero~ or ~finite~, then
                //    a. Set state to ~finite~.
                //    b. Set sum to sum + ℝ(n).
                state = SumState::Finite;
                sum.add(n);
            }
        }
    }
    Ok(Value::Number(match state {
        // 8. If state is ~not-a-number~, return NaN.
        SumState::NotANumber => f64::NAN,
        // 9. If state is ~plus-infinity~, return +∞𝔽.
        SumState::PlusInfinity => f64::INFINITY,
        // 10. If state is ~minus-infinity~, return -∞𝔽.
        SumState::MinusInfinity => f64::NEG_INFINITY,
        // 11. If state is ~minus-zero~, return -0𝔽.
        SumState::MinusZero => -0.0,
        // 12. Return 𝔽(sum).
        SumState::Finite => sum.to_number(),
    }))
}

/// An exact sum of finite Numbers: an integer count of 2^-1074 (the smallest subnormal),
/// which every finite Number is a whole multiple of.
#[derive(Default)]
struct ExactSum(BigInt);

impl ExactSum {
    fn add(&mut self, n: f64) {
        let bits = n.to_bits();
        let exponent = (bits >> 52) & 0x7ff;
        let fraction = bits & ((1 << 52) - 1);
        // n = significand × 2^(max(exponent, 1) - 1075), so n / 2^-1074 is the
        // significand shifted left by max(exponent, 1) - 1.
        let (significand, shift) = if exponent == 0 {
            (fraction, 0)
        } else {
            (fraction | (1 << 52), exponent - 1)
        };
        let magnitude = BigInt::from(significand) << shift;
        if n.is_sign_negative() {
            self.0 -= magnitude;
        } else {
            self.0 += magnitude;
        }
    }

    /// 𝔽(sum): the Number nearest the exact sum, ties to even.
    fn to_number(&self) -> f64 {
        let negative = self.0.sign() == Sign::Minus;
        let magnitude = self.0.magnitude();
        let length = magnitude.bits();
        let value = if length <= 53 {
            // At most 53 significant bits at 2^-1074: exactly representable.
            let units = magnitude.to_u64().unwrap_or(0) as f64;
            units * f64::from_bits(1)
        } else {
            // Keep the top 53 bits and round the rest to nearest, ties to even. The value
            // is at least 2^-1021 here, so binary64 keeps exactly 53 bits of it.
            let shift = length - 53;
            let top = (magnitude >> shift).to_u64().unwrap_or(0);
            let rest = magnitude - (BigUint::from(top) << shift);
            let half = BigUint::from(1u8) << (shift - 1);
            let top = match rest.cmp(&half) {
                std::cmp::Ordering::Greater => top + 1,
                std::cmp::Ordering::Equal if top % 2 == 1 => top + 1,
                _ => top,
            };
            scale_by_power_of_two(top as f64, shift as i64 - 1074)
        };
        if negative {
            -value
        } else {
            value
        }
    }
}

/// `x` × 2^`k` for a normal result (or an overflow to ∞), in steps whose factors are all
/// normal Numbers, so that each product is exact until it overflows.
fn scale_by_power_of_two(mut x: f64, mut k: i64) -> f64 {
    let power = |e: i64| f64::from_bits(((e + 1023) as u64) << 52);
    while k > 1023 {
        x *= power(1023);
        k -= 1023;
        if x.is_infinite() {
            return x;
        }
    }
    while k < -1022 {
        x *= power(-1022);
        k += 1022;
    }
    x * power(k)
}

/// Math.tan ( x ) (21.3.2.34).
fn tan_steps(n: f64) -> f64 {
    // 2. If n is one of NaN, +0𝔽, or -0𝔽, return n.
    if n.is_nan() || is_zero(n) {
        return n;
    }
    // 3. If n is either +∞𝔽 or -∞𝔽, return NaN.
    if n.is_infinite() {
        return f64::NAN;
    }
    // 4. Return an implementation-approximated Number value representing the tangent of
    //    ℝ(n).
    n.tan()
}

/// Math.tanh ( x ) (21.3.2.35).
fn tanh_steps(n: f64) -> f64 {
    // 2. If n is one of NaN, +0𝔽, or -0𝔽, return n.
    if n.is_nan() || is_zero(n) {
        return n;
    }
    // 3. If n is +∞𝔽, return 1𝔽.
    if n == f64::INFINITY {
        return 1.0;
    }
    // 4. If n is -∞𝔽, return -1𝔽.
    if n == f64::NEG_INFINITY {
        return -1.0;
    }
    // 5. Return an implementation-approximated Number value representing the hyperbolic
    //    tangent of ℝ(n).
    n.tanh()
}

/// Math.trunc ( x ) (21.3.2.36).
fn trunc_steps(n: f64) -> f64 {
    // 2. If n is not finite or n is either +0𝔽 or -0𝔽, return n.
    if !n.is_finite() || is_zero(n) {
        return n;
    }
    // 3. If n < 1𝔽 and n > +0𝔽, return +0𝔽.
    if n < 1.0 && n > 0.0 {
        return 0.0;
    }
    // 4. If n < -0𝔽 and n > -1𝔽, return -0𝔽.
    if n < 0.0 && n > -1.0 {
        return -0.0;
    }
    // 5. Return the integral Number nearest n in the direction of +0𝔽.
    n.trunc()
}

/// Creates %Math% (21.3): "is an ordinary object", "has a [[Prototype]] internal slot
/// whose value is %Object.prototype%", "is not a function object".
pub fn create_math_intrinsics(agent: &mut Agent, realm: &Realm) {
    let math = ordinary_object_create(Some(realm.intrinsic(Intrinsic::ObjectPrototype)));
    // 21.3.1 Value Properties of the Math Object: { [[Writable]]: false, [[Enumerable]]:
    // false, [[Configurable]]: false }.
    let values: &[(&str, f64)] = &[
        ("E", std::f64::consts::E),
        ("LN10", std::f64::consts::LN_10),
        ("LN2", std::f64::consts::LN_2),
        ("LOG10E", std::f64::consts::LOG10_E),
        ("LOG2E", std::f64::consts::LOG2_E),
        ("PI", PI),
        ("SQRT1_2", std::f64::consts::FRAC_1_SQRT_2),
        ("SQRT2", std::f64::consts::SQRT_2),
    ];
    for &(name, value) in values {
        define_value(&math, name, Value::Number(value), false, false, false);
    }
    // 21.3.1.9 Math [ %Symbol.toStringTag% ]: "Math", { [[Writable]]: false,
    // [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(&math, tag, Value::string("Math"), false, false, true);
    // 21.3.2 Function Properties of the Math Object.
    let functions: &[(&str, u32, Behaviour)] = &[
        ("abs", 1, abs),
        ("acos", 1, acos),
        ("acosh", 1, acosh),
        ("asin", 1, asin),
        ("asinh", 1, asinh),
        ("atan", 1, atan),
        ("atanh", 1, atanh),
        ("atan2", 2, atan2),
        ("cbrt", 1, cbrt),
        ("ceil", 1, ceil),
        ("clz32", 1, clz32),
        ("cos", 1, cos),
        ("cosh", 1, cosh),
        ("exp", 1, exp),
        ("expm1", 1, expm1),
        ("floor", 1, floor),
        ("fround", 1, fround),
        ("f16round", 1, f16round),
        ("hypot", 2, hypot),
        ("imul", 2, imul),
        ("log", 1, log),
        ("log1p", 1, log1p),
        ("log10", 1, log10),
        ("log2", 1, log2),
        ("max", 2, max),
        ("min", 2, min),
        ("pow", 2, pow),
        ("random", 0, random),
        ("round", 1, round),
        ("sign", 1, sign),
        ("sin", 1, sin),
        ("sinh", 1, sinh),
        ("sqrt", 1, sqrt),
        ("sumPrecise", 1, sum_precise),
        ("tan", 1, tan),
        ("tanh", 1, tanh),
        ("trunc", 1, trunc),
    ];
    for &(name, length, behaviour) in functions {
        define_method(agent, &math, name, length, behaviour);
    }
    realm.set_intrinsic(Intrinsic::Math, math);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f16round_rounds_once_to_nearest_even() {
        assert_eq!(round_to_binary16(1.0), 1.0);
        assert_eq!(round_to_binary16(65504.0), 65504.0);
        assert_eq!(round_to_binary16(65519.99), 65504.0);
        assert_eq!(round_to_binary16(65520.0), f64::INFINITY);
        assert_eq!(round_to_binary16(-65520.0), f64::NEG_INFINITY);
        // The smallest subnormal is 2^-24; half of it ties to even (zero), keeping the sign.
        assert_eq!(round_to_binary16(2f64.powi(-24)), 2f64.powi(-24));
        let tiny = round_to_binary16(-(2f64.powi(-25)));
        assert!(tiny == 0.0 && tiny.is_sign_negative());
        assert_eq!(round_to_binary16(1.5 * 2f64.powi(-25)), 2f64.powi(-24));
        // Double rounding through binary32 would give 1 here (the proposal's example).
        assert_eq!(round_to_binary16(1.000_488_281_250_000_2), 1.000_976_562_5);
        assert_eq!(round_to_binary16(1.000_488_281_25), 1.0);
    }

    #[test]
    fn round_prefers_plus_infinity_and_keeps_negative_zero() {
        assert_eq!(round_steps(2.5), 3.0);
        assert_eq!(round_steps(-2.5), -2.0);
        assert_eq!(round_steps(0.499_999_999_999_999_94), 0.0);
        assert!(round_steps(-0.5).is_sign_negative());
        assert_eq!(
            round_steps(4_503_599_627_370_495.5),
            4_503_599_627_370_496.0
        );
    }

    #[test]
    fn exact_sums_round_once() {
        let sum = |values: &[f64]| {
            let mut s = ExactSum::default();
            for &v in values {
                s.add(v);
            }
            s.to_number()
        };
        assert_eq!(sum(&[1e20, 0.1, -1e20]), 0.1);
        assert_eq!(sum(&[f64::MAX, f64::MAX]), f64::INFINITY);
        assert_eq!(sum(&[f64::MAX, f64::MAX, -f64::MAX]), f64::MAX);
        assert_eq!(
            sum(&[f64::from_bits(1), f64::from_bits(1)]),
            f64::from_bits(2)
        );
        assert_eq!(sum(&[0.1, 0.2, 0.3]), 0.6);
        assert_eq!(sum(&[1.0, 2f64.powi(-53)]), 1.0);
        assert_eq!(
            sum(&[1.0, 2f64.powi(-53), 2f64.powi(-80)]),
            1.0 + 2f64.powi(-52)
        );
        assert_eq!(sum(&[-3.5, 1.25]), -2.25);
        assert_eq!(
            sum(&[2f64.powi(-1022), -(2f64.powi(-1023))]),
            2f64.powi(-1023)
        );
    }

    #[test]
    fn atan2_special_cases() {
        assert!(atan2_steps(-0.0, 0.0).is_sign_negative());
        assert_eq!(atan2_steps(0.0, -0.0), PI);
        assert_eq!(
            atan2_steps(f64::INFINITY, f64::NEG_INFINITY),
            3.0 * FRAC_PI_4
        );
    }
}
