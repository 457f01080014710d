//! 6.1.6.2 The BigInt Type (sec-ecmascript-language-types-bigint-type): arbitrary-precision
//! integers. The BigInt:: operations live here; the %BigInt% built-in comes with the
//! built-in library.

use super::agents::Agent;
use super::completion_record::JsResult;
use super::resource_limits::MAX_BIGINT_BITS;
use super::string_type::JsString;
use super::value::Value;
use crate::step;
use boa_gc::{empty_trace, Finalize, Trace};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use std::rc::Rc;

/// A BigInt value (shared, immutable).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JsBigInt(Rc<BigInt>);

impl Finalize for JsBigInt {}
// SAFETY: a JsBigInt holds only digits, never a Gc pointer.
unsafe impl Trace for JsBigInt {
    empty_trace!();
}

/// A BigInt of more than [`MAX_BIGINT_BITS`] bits was asked for: a RangeError "Maximum
/// BigInt size exceeded" ([`BigIntTooBig::throw`]). `negative` is its sign (comparisons
/// with a String too long to convert know their answer from it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BigIntTooBig {
    pub negative: bool,
}

impl BigIntTooBig {
    /// The RangeError to throw.
    pub fn throw(self, agent: &mut Agent) -> Value {
        agent.range_error("Maximum BigInt size exceeded")
    }
}

/// The one check of the BigInt size limit (`resource_limits::MAX_BIGINT_BITS`): a result
/// of `bits` bits (its magnitude's) may be made. Operations whose result could take long
/// to compute (multiplication, exponentiation, left shifts, parsing) call it with the size
/// they predict before computing; every other result is checked by [`JsBigInt::checked`].
pub fn check_bigint_bits(bits: u64, negative: bool) -> Result<(), BigIntTooBig> {
    if bits > MAX_BIGINT_BITS {
        Err(BigIntTooBig { negative })
    } else {
        Ok(())
    }
}

impl JsBigInt {
    /// A BigInt known to be within the size limit (a literal's, a Number's, one bit more
    /// or fewer than an existing BigInt's).
    pub fn new(value: BigInt) -> JsBigInt {
        JsBigInt(Rc::new(value))
    }

    /// A computed BigInt: a RangeError when it is larger than the size limit.
    pub fn checked(agent: &mut Agent, value: BigInt) -> JsResult<JsBigInt> {
        check_bigint_bits(value.bits(), value.sign() == num_bigint::Sign::Minus)
            .map_err(|e| e.throw(agent))?;
        Ok(JsBigInt::new(value))
    }

    pub fn value(&self) -> &BigInt {
        &self.0
    }

    pub fn is_zero(&self) -> bool {
        self.0.is_zero()
    }

    /// The digits of a BigInt literal as the builder keeps them (`0x`/`0o`/`0b` prefix
    /// allowed, separators removed): `Ok(None)` when they are not digits.
    pub fn from_literal(digits: &str) -> Result<Option<JsBigInt>, BigIntTooBig> {
        let (radix, body) = match digits.get(..2) {
            Some("0x") | Some("0X") => (16, &digits[2..]),
            Some("0o") | Some("0O") => (8, &digits[2..]),
            Some("0b") | Some("0B") => (2, &digits[2..]),
            _ => (10, digits),
        };
        parse_digits(body, radix, false)
    }

    /// BigInt::toString(x, 10) (6.1.6.2.21).
    pub fn to_js_string(&self) -> JsString {
        JsString::from(bigint_to_string(&self.0, 10))
    }

    /// 𝔽(ℝ(x)) rounded to the nearest Number.
    pub fn to_f64(&self) -> f64 {
        self.0.to_f64().unwrap_or(f64::NAN)
    }
}

/// The non-negative integer the ASCII `digits` (in `radix`, all valid digits) stand for,
/// negated when `negative`: `Ok(None)` if they are not digits of that radix, too big when
/// it would have more than [`MAX_BIGINT_BITS`] bits — decided from the number of digits
/// before parsing (parsing decimal digits takes time quadratic in their number).
pub fn parse_digits(
    digits: &str,
    radix: u32,
    negative: bool,
) -> Result<Option<JsBigInt>, BigIntTooBig> {
    let significant = digits.trim_start_matches('0');
    // A number of n significant digits has at least (n - 1) · log2(radix) + 1 bits.
    let min_bits = (significant.len().saturating_sub(1) as f64) * f64::from(radix).log2();
    check_bigint_bits(min_bits as u64, negative)?;
    let Some(value) = BigInt::parse_bytes(digits.as_bytes(), radix) else {
        return Ok(None);
    };
    check_bigint_bits(value.bits(), negative)?;
    Ok(Some(JsBigInt::new(if negative { -value } else { value })))
}

/// BigInt::unaryMinus ( bigint ) (6.1.6.2.1).
pub fn bigint_unary_minus(x: &BigInt) -> JsBigInt {
    // 1. If x = 0ℤ, return 0ℤ.
    step!("sec-numeric-types-bigint-unaryMinus", "1");
    if x.is_zero() {
        return JsBigInt::new(BigInt::zero());
    }
    // 2. Return -x.
    step!("sec-numeric-types-bigint-unaryMinus", "2");
    JsBigInt::new(-x)
}

/// BigInt::bitwiseNOT ( bigint ) (6.1.6.2.2).
pub fn bigint_bitwise_not(agent: &mut Agent, x: &BigInt) -> JsResult<JsBigInt> {
    // 1. Return -x - 1ℤ.
    step!("sec-numeric-types-bigint-bitwiseNOT", "1");
    JsBigInt::checked(agent, -x - BigInt::from(1))
}

/// BigInt::exponentiate ( base, exponent ) (6.1.6.2.3).
pub fn bigint_exponentiate(
    agent: &mut Agent,
    base: &BigInt,
    exponent: &BigInt,
) -> JsResult<JsBigInt> {
    // 1. If exponent < 0ℤ, throw a RangeError exception.
    step!("sec-numeric-types-bigint-exponentiate", "1");
    if exponent.is_negative() {
        return Err(agent.range_error("exponent must be non-negative"));
    }
    // 2. If base = 0ℤ and exponent = 0ℤ, return 1ℤ.
    step!("sec-numeric-types-bigint-exponentiate", "2");
    if base.is_zero() && exponent.is_zero() {
        return Ok(JsBigInt::new(BigInt::from(1)));
    }
    // 3. Return base raised to the power exponent.
    step!("sec-numeric-types-bigint-exponentiate", "3");
    // (|base| ≤ 1 stays small for any exponent; otherwise the result has at least
    // (bits(base) - 1) · exponent + 1 bits, refused before it is computed when that is past
    // the size limit.)
    if base.magnitude().bits() <= 1 {
        let odd = exponent.bit(0);
        let result = if exponent.is_zero() || (base.is_negative() && !odd) {
            BigInt::from(1)
        } else {
            base.clone()
        };
        return Ok(JsBigInt::new(result));
    }
    let exponent = exponent.to_u64().unwrap_or(u64::MAX);
    let min_bits = (base.bits() - 1).saturating_mul(exponent).saturating_add(1);
    check_bigint_bits(min_bits, false).map_err(|e| e.throw(agent))?;
    JsBigInt::checked(agent, base.pow(exponent as u32))
}

/// BigInt::multiply ( x, y ) (6.1.6.2.4).
pub fn bigint_multiply(agent: &mut Agent, x: &BigInt, y: &BigInt) -> JsResult<JsBigInt> {
    // 1. Return x × y.
    step!("sec-numeric-types-bigint-multiply", "1");
    // (The product has at most bits(x) + bits(y) bits: refused before it is computed when
    // that is past the size limit.)
    check_bigint_bits(x.bits().saturating_add(y.bits()).saturating_sub(1), false)
        .map_err(|e| e.throw(agent))?;
    JsBigInt::checked(agent, x * y)
}

/// BigInt::divide ( x, y ) (6.1.6.2.5).
pub fn bigint_divide(agent: &mut Agent, x: &BigInt, y: &BigInt) -> JsResult<JsBigInt> {
    // 1. If y = 0ℤ, throw a RangeError exception.
    step!("sec-numeric-types-bigint-divide", "1");
    if y.is_zero() {
        return Err(agent.range_error("division by zero"));
    }
    // 2. Let quotient be ℝ(x) / ℝ(y).
    // 3. Return ℤ(truncate(quotient)).
    // (num-bigint's division truncates)
    step!("sec-numeric-types-bigint-divide", "2");
    step!("sec-numeric-types-bigint-divide", "3");
    JsBigInt::checked(agent, x / y)
}

/// BigInt::remainder ( numerator, denominator ) (6.1.6.2.6).
pub fn bigint_remainder(agent: &mut Agent, n: &BigInt, d: &BigInt) -> JsResult<JsBigInt> {
    // 1. If d = 0ℤ, throw a RangeError exception.
    step!("sec-numeric-types-bigint-remainder", "1");
    if d.is_zero() {
        return Err(agent.range_error("division by zero"));
    }
    // 2. If n = 0ℤ, return 0ℤ.
    step!("sec-numeric-types-bigint-remainder", "2");
    if n.is_zero() {
        return Ok(JsBigInt::new(BigInt::zero()));
    }
    // 3. Let quotient be ℝ(n) / ℝ(d).
    // 4. Let q be ℤ(truncate(quotient)).
    // 5. Return n - (d × q).
    // (num-bigint's remainder is that of the truncating division: the sign of n)
    step!("sec-numeric-types-bigint-remainder", "3");
    step!("sec-numeric-types-bigint-remainder", "4");
    step!("sec-numeric-types-bigint-remainder", "5");
    JsBigInt::checked(agent, n % d)
}

/// BigInt::add ( x, y ) (6.1.6.2.7).
pub fn bigint_add(agent: &mut Agent, x: &BigInt, y: &BigInt) -> JsResult<JsBigInt> {
    // 1. Return x + y.
    step!("sec-numeric-types-bigint-add", "1");
    JsBigInt::checked(agent, x + y)
}

/// BigInt::subtract ( x, y ) (6.1.6.2.8).
pub fn bigint_subtract(agent: &mut Agent, x: &BigInt, y: &BigInt) -> JsResult<JsBigInt> {
    // 1. Return x - y.
    step!("sec-numeric-types-bigint-subtract", "1");
    JsBigInt::checked(agent, x - y)
}

/// BigInt::leftShift ( x, y ) (6.1.6.2.9).
pub fn bigint_left_shift(agent: &mut Agent, x: &BigInt, y: &BigInt) -> JsResult<JsBigInt> {
    // 1. If y < 0ℤ, then
    step!("sec-numeric-types-bigint-leftShift", "1");
    if y.is_negative() {
        // a. Return ℤ(floor(ℝ(x) / 2^-ℝ(y))).
        step!("sec-numeric-types-bigint-leftShift", "1.a");
        // (an arithmetic shift of the two's complement; past 2^40 bits every bit of x is
        // shifted out)
        let s = (-y).to_u64().unwrap_or(u64::MAX);
        let result = if s > 1 << 40 {
            if x.is_negative() {
                BigInt::from(-1)
            } else {
                BigInt::zero()
            }
        } else {
            let divisor = BigInt::from(1) << (s as usize);
            let q = x / &divisor;
            if x.is_negative() && !(x % &divisor).is_zero() {
                q - 1
            } else {
                q
            }
        };
        return Ok(JsBigInt::new(result));
    }
    // 2. Return x × 2ℤ^y.
    step!("sec-numeric-types-bigint-leftShift", "2");
    if x.is_zero() {
        return Ok(JsBigInt::new(BigInt::zero()));
    }
    let Some(s) = y.to_u64() else {
        return Err(BigIntTooBig { negative: false }.throw(agent));
    };
    check_bigint_bits(x.bits().saturating_add(s), false).map_err(|e| e.throw(agent))?;
    JsBigInt::checked(agent, x << (s as usize))
}

/// BigInt::signedRightShift ( x, y ) (6.1.6.2.10).
pub fn bigint_signed_right_shift(agent: &mut Agent, x: &BigInt, y: &BigInt) -> JsResult<JsBigInt> {
    // 1. Return BigInt::leftShift(x, -y).
    step!("sec-numeric-types-bigint-signedRightShift", "1");
    bigint_left_shift(agent, x, &-y)
}

/// BigInt::unsignedRightShift ( x, y ) (6.1.6.2.11).
pub fn bigint_unsigned_right_shift(agent: &mut Agent) -> JsResult<JsBigInt> {
    // 1. Throw a TypeError exception.
    step!("sec-numeric-types-bigint-unsignedRightShift", "1");
    Err(agent.type_error("BigInts have no unsigned right shift, use >> instead"))
}

/// BigInt::lessThan ( x, y ) (6.1.6.2.12).
pub fn bigint_less_than(x: &BigInt, y: &BigInt) -> bool {
    // 1. If ℝ(x) < ℝ(y), return true; otherwise return false.
    step!("sec-numeric-types-bigint-lessThan", "1");
    x < y
}

/// BigInt::equal ( x, y ) (6.1.6.2.13).
pub fn bigint_equal(x: &BigInt, y: &BigInt) -> bool {
    // 1. If ℝ(x) = ℝ(y), return true; otherwise return false.
    step!("sec-numeric-types-bigint-equal", "1");
    x == y
}

/// BigInt::bitwiseAND ( x, y ) (6.1.6.2.18). (BigIntBitwiseOp's bit-by-bit loop is
/// num-bigint's two's-complement `&`, not transcribed.)
pub fn bigint_bitwise_and(x: &BigInt, y: &BigInt) -> JsBigInt {
    // 1. Return BigIntBitwiseOp(&, x, y).
    step!("sec-numeric-types-bigint-bitwiseAND", "1");
    JsBigInt::new(x & y)
}

/// BigInt::bitwiseXOR ( x, y ) (6.1.6.2.19).
pub fn bigint_bitwise_xor(x: &BigInt, y: &BigInt) -> JsBigInt {
    // 1. Return BigIntBitwiseOp(^, x, y).
    step!("sec-numeric-types-bigint-bitwiseXOR", "1");
    JsBigInt::new(x ^ y)
}

/// BigInt::bitwiseOR ( x, y ) (6.1.6.2.20).
pub fn bigint_bitwise_or(x: &BigInt, y: &BigInt) -> JsBigInt {
    // 1. Return BigIntBitwiseOp(|, x, y).
    step!("sec-numeric-types-bigint-bitwiseOR", "1");
    JsBigInt::new(x | y)
}

/// BigInt::toString ( x, radix ) (6.1.6.2.21), as Rust text (ASCII).
pub fn bigint_to_string(x: &BigInt, radix: u32) -> String {
    // 1. If x < 0ℤ, return the string-concatenation of "-" and BigInt::toString(-x, radix).
    step!("sec-numeric-types-bigint-tostring", "1");
    if x.is_negative() {
        return format!("-{}", bigint_to_string(&-x, radix));
    }
    // 2. Return the String value consisting of the representation of x using radix radix.
    step!("sec-numeric-types-bigint-tostring", "2");
    x.to_str_radix(radix)
}
