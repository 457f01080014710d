//! 6.1.6.2 The BigInt Type (sec-ecmascript-language-types-bigint-type): arbitrary-precision
//! integers. The BigInt:: operations live here; the %BigInt% built-in comes with the
//! built-in library.

use super::agents::Agent;
use super::completion_record::JsResult;
use super::resource_limits::MAX_BIGINT_BITS;
use super::string_type::JsString;
use super::value::Value;
use boa_gc::{empty_trace, Finalize, Trace};
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
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

    /// BigInt::toString(x, 10) (6.1.6.2.23).
    pub fn to_js_string(&self) -> JsString {
        JsString::from(self.0.to_str_radix(10))
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
