//! Operators: unary (13.5), multiplicative / additive / shift / relational / equality /
//! bitwise (13.6-13.12) and ApplyStringOrNumericBinaryOperator (13.15.3), with the Number
//! and BigInt operations of 6.1.6 they use.

use super::expressions::{evaluate_chain, evaluate_expression, Evaluated};
use crate::spec::agents::Agent;
use crate::spec::bigint_type::{check_bigint_bits, BigIntTooBig, JsBigInt};
use crate::spec::completion_record::JsResult;
use crate::spec::number_type::number_exponentiate;
use crate::spec::object_type::PropertyKey;
use crate::spec::reference_record::{ReferenceBase, ReferenceName};
use crate::spec::relational_operators::instanceof_operator;
use crate::spec::testing_and_comparison::{is_less_than, is_loosely_equal, is_strictly_equal};
use crate::spec::type_conversion::{
    number_to_int32, number_to_uint32, to_boolean, to_number, to_numeric, to_object, to_primitive,
    to_property_key, to_string, Numeric,
};
use crate::spec::value::Value;
use crate::syntax::ast::{BinaryOp, Expr, UnaryOp};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

/// 13.5 Unary Operators.
/// `offset` is where the expression starts: the location of an error of the operator
/// itself (its operand's errors have their own).
pub fn unary(agent: &mut Agent, op: UnaryOp, argument: &Expr, offset: u32) -> JsResult<Value> {
    match op {
        UnaryOp::Delete => delete_operator(agent, argument, offset),
        UnaryOp::Typeof => {
            // 13.5.3.1 1. Let val be ? Evaluation of UnaryExpression.
            let val = evaluate_chain(agent, argument)?;
            // 2. If val is a Reference Record, then
            //    a. If IsUnresolvableReference(val) is true, return "undefined".
            if let Evaluated::Ref(r) = &val {
                if r.is_unresolvable_reference() {
                    return Ok(Value::string("undefined"));
                }
            }
            // 3. Set val to ? GetValue(val).
            let val = val.get_value(agent)?;
            // 4. NOTE: This step is replaced in section B.3.6.3.
            // 5. Return a String according to Table 41.
            Ok(Value::string(typeof_name(&val)))
        }
        UnaryOp::Void => {
            // 13.5.2.1 1. Let expr be ? Evaluation of UnaryExpression.
            // 2. Perform ? GetValue(expr). 3. Return undefined.
            evaluate_expression(agent, argument)?;
            Ok(Value::Undefined)
        }
        UnaryOp::Plus => {
            // 13.5.4.1 1. Let expr be ? Evaluation of UnaryExpression.
            // 2. Return 𝔽(? ToNumber(? GetValue(expr))).
            let v = evaluate_expression(agent, argument)?;
            agent.current_offset = offset;
            Ok(Value::Number(to_number(agent, &v)?))
        }
        UnaryOp::Minus => {
            // 13.5.5.1 1. Let expr be ? Evaluation of UnaryExpression.
            // 2. Let oldValue be ? ToNumeric(? GetValue(expr)).
            // 3. If oldValue is a Number, then a. Return Number::unaryMinus(oldValue).
            // 4. Else, a. Assert: oldValue is a BigInt. b. Return BigInt::unaryMinus(oldValue).
            let v = evaluate_expression(agent, argument)?;
            agent.current_offset = offset;
            Ok(match to_numeric(agent, &v)? {
                Numeric::Number(n) => Value::Number(-n),
                Numeric::BigInt(b) => Value::BigInt(JsBigInt::new(-b.value().clone())),
            })
        }
        UnaryOp::BitNot => {
            // 13.5.6.1 1. Let expr be ? Evaluation of UnaryExpression.
            // 2. Let oldValue be ? ToNumeric(? GetValue(expr)).
            // 3. If oldValue is a Number, then a. Return Number::bitwiseNOT(oldValue).
            // 4. Else, b. Return BigInt::bitwiseNOT(oldValue).
            let v = evaluate_expression(agent, argument)?;
            agent.current_offset = offset;
            Ok(match to_numeric(agent, &v)? {
                Numeric::Number(n) => Value::Number(f64::from(!number_to_int32(n))),
                Numeric::BigInt(b) => {
                    Value::BigInt(JsBigInt::checked(agent, -b.value() - BigInt::from(1))?)
                }
            })
        }
        UnaryOp::Not => {
            // 13.5.7.1 1. Let expr be ? Evaluation of UnaryExpression.
            // 2. Let oldValue be ToBoolean(? GetValue(expr)).
            // 3. If oldValue is true, return false. 4. Return true.
            let v = evaluate_expression(agent, argument)?;
            Ok(Value::Boolean(!to_boolean(&v)))
        }
    }
}

/// Table 41: typeof Operator Results.
pub fn typeof_name(val: &Value) -> &'static str {
    match val {
        Value::Undefined => "undefined",
        Value::Null => "object",
        Value::Boolean(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Symbol(_) => "symbol",
        Value::BigInt(_) => "bigint",
        Value::Object(o) if o.is_callable() => "function",
        Value::Object(_) => "object",
    }
}

/// 13.5.1.2 Runtime Semantics: Evaluation of `delete UnaryExpression`.
fn delete_operator(agent: &mut Agent, argument: &Expr, offset: u32) -> JsResult<Value> {
    // 1. Let ref be ? Evaluation of UnaryExpression.
    let reference = match evaluate_chain(agent, argument)? {
        Evaluated::Ref(r) => r,
        // 2. If ref is not a Reference Record, return true.
        Evaluated::Value(_) | Evaluated::ShortCircuit => return Ok(Value::Boolean(true)),
    };
    agent.current_offset = offset;
    match &reference.base {
        // 3. If IsUnresolvableReference(ref) is true, then
        //    a. Assert: ref.[[Strict]] is false. b. Return true.
        ReferenceBase::Unresolvable => Ok(Value::Boolean(true)),
        // 4. If IsPropertyReference(ref) is true, then
        ReferenceBase::Value(base) => {
            // a. Assert: IsPrivateReference(ref) is false.
            // b. If IsSuperReference(ref) is true, throw a ReferenceError exception.
            if reference.is_super_reference() {
                return Err(agent.reference_error("cannot delete a super property"));
            }
            // c. Let baseObj be ? ToObject(ref.[[Base]]).
            let base_obj = to_object(agent, base)?;
            // d. If ref.[[ReferencedName]] is not a property key, then
            //    i. Set ref.[[ReferencedName]] to ? ToPropertyKey(ref.[[ReferencedName]]).
            let key = match &reference.name {
                ReferenceName::Key(k) => k.clone(),
                ReferenceName::Value(v) => to_property_key(agent, v)?,
                ReferenceName::Identifier(n) => PropertyKey::from_str(n),
                ReferenceName::Private(_) => {
                    unreachable!("delete of a private reference is a SyntaxError")
                }
            };
            // e. Let deleteStatus be ? baseObj.[[Delete]](ref.[[ReferencedName]]).
            let delete_status = base_obj.delete(agent, &key)?;
            // f. If deleteStatus is false and ref.[[Strict]] is true, throw a TypeError.
            if !delete_status && reference.strict {
                return Err(agent.type_error(&format!("cannot delete property '{key}'")));
            }
            // g. Return deleteStatus.
            Ok(Value::Boolean(delete_status))
        }
        // 5. Else, a. Let base be ref.[[Base]]. b. Assert: base is an Environment Record.
        //    c. Return ? base.DeleteBinding(ref.[[ReferencedName]]).
        ReferenceBase::Environment(env) => {
            let ReferenceName::Identifier(name) = reference.name else {
                unreachable!("an environment reference names an identifier");
            };
            Ok(Value::Boolean(env.delete_binding(agent, name)?))
        }
    }
}

/// A binary operator applied to two Numbers, when the operator's steps on two Numbers
/// only reach a Number:: operation (ToPrimitive, ToNumeric and ToString are not called
/// with a Number and a Number; IsLessThan's and IsLooselyEqual's steps for two Numbers are
/// Number::lessThan and Number::equal). `None` for `in` and `instanceof`.
#[inline(always)]
pub fn number_binary(op: BinaryOp, a: f64, b: f64) -> Option<Value> {
    use BinaryOp::*;
    Some(match op {
        Add => Value::Number(a + b),
        Sub => Value::Number(a - b),
        Mul => Value::Number(a * b),
        Div => Value::Number(a / b),
        Mod => Value::Number(number_remainder(a, b)),
        Lt => Value::Boolean(a < b),
        Gt => Value::Boolean(a > b),
        LtEq => Value::Boolean(a <= b),
        GtEq => Value::Boolean(a >= b),
        Eq | StrictEq => Value::Boolean(a == b),
        NotEq | StrictNotEq => Value::Boolean(a != b),
        Exp | Shl | Shr | UShr | BitAnd | BitOr | BitXor => {
            Value::Number(number_operation(op, a, b))
        }
        In | Instanceof => return None,
    })
}

/// Number::remainder ( n, d ) (6.1.6.1.6): the sign of the dividend, as fmod. For a
/// dividend that is +0 or a positive integer and a positive integer divisor, both below
/// 2^53, it is their integer remainder (exact, as fmod's is), computed without fmod.
#[inline(always)]
fn number_remainder(n: f64, d: f64) -> f64 {
    const LIMIT: f64 = 9_007_199_254_740_992.0;
    if n.is_sign_positive() && n < LIMIT && d > 0.0 && d < LIMIT {
        let (ni, di) = (n as u64, d as u64);
        if ni as f64 == n && di as f64 == d {
            return (ni % di) as f64;
        }
    }
    n % d
}

/// A binary operator applied to the values of its operands.
pub fn binary(agent: &mut Agent, op: BinaryOp, lval: Value, rval: Value) -> JsResult<Value> {
    use BinaryOp::*;
    if let (Value::Number(a), Value::Number(b)) = (&lval, &rval) {
        if let Some(value) = number_binary(op, *a, *b) {
            return Ok(value);
        }
    }
    match op {
        Add | Sub | Mul | Div | Mod | Exp | Shl | Shr | UShr | BitAnd | BitOr | BitXor => {
            apply_string_or_numeric_binary_operator(agent, lval, op, rval)
        }
        // 13.10.1 RelationalExpression : RelationalExpression < ShiftExpression
        // 5. Let r be ? IsLessThan(lval, rval, true).
        // 6. If r is undefined, return false. Otherwise, return r.
        Lt => Ok(Value::Boolean(
            is_less_than(agent, &lval, &rval, true)? == Some(true),
        )),
        // > : 5. Let r be ? IsLessThan(rval, lval, false). 6. If r is undefined, return
        //     false. Otherwise, return r.
        Gt => Ok(Value::Boolean(
            is_less_than(agent, &rval, &lval, false)? == Some(true),
        )),
        // <= : 5. Let r be ? IsLessThan(rval, lval, false). 6. If r is either true or
        //      undefined, return false. Otherwise, return true.
        LtEq => Ok(Value::Boolean(
            is_less_than(agent, &rval, &lval, false)? == Some(false),
        )),
        // >= : 5. Let r be ? IsLessThan(lval, rval, true). 6. If r is either true or
        //      undefined, return false. Otherwise, return true.
        GtEq => Ok(Value::Boolean(
            is_less_than(agent, &lval, &rval, true)? == Some(false),
        )),
        // instanceof: 5. Return ? InstanceofOperator(lval, rval).
        Instanceof => Ok(Value::Boolean(instanceof_operator(agent, &lval, &rval)?)),
        // in: 5. If rval is not an Object, throw a TypeError exception.
        //     6. Return ? HasProperty(rval, ? ToPropertyKey(lval)).
        In => {
            let Value::Object(o) = &rval else {
                return Err(agent
                    .type_error("cannot use 'in' operator to search for a key in a non-object"));
            };
            let key = to_property_key(agent, &lval)?;
            Ok(Value::Boolean(o.has_property(agent, &key)?))
        }
        // 13.11.1 Equality operators.
        Eq => Ok(Value::Boolean(is_loosely_equal(agent, &lval, &rval)?)),
        NotEq => Ok(Value::Boolean(!is_loosely_equal(agent, &lval, &rval)?)),
        StrictEq => Ok(Value::Boolean(is_strictly_equal(&lval, &rval))),
        StrictNotEq => Ok(Value::Boolean(!is_strictly_equal(&lval, &rval))),
    }
}

/// ApplyStringOrNumericBinaryOperator ( lval, opText, rval ) (13.15.3).
pub fn apply_string_or_numeric_binary_operator(
    agent: &mut Agent,
    lval: Value,
    op: BinaryOp,
    rval: Value,
) -> JsResult<Value> {
    // Fast path for two Numbers: the steps below reach the same Number operation.
    if let (Value::Number(a), Value::Number(b)) = (&lval, &rval) {
        return Ok(Value::Number(number_operation(op, *a, *b)));
    }
    let (mut lval, mut rval) = (lval, rval);
    // 1. If opText is +, then
    if op == BinaryOp::Add {
        // a. Let lprim be ? ToPrimitive(lval). b. Let rprim be ? ToPrimitive(rval).
        let lprim = to_primitive(agent, &lval, None)?;
        let rprim = to_primitive(agent, &rval, None)?;
        // c. If lprim is a String or rprim is a String, then
        if matches!(lprim, Value::String(_)) || matches!(rprim, Value::String(_)) {
            // i. Let lstr be ? ToString(lprim). ii. Let rstr be ? ToString(rprim).
            let lstr = to_string(agent, &lprim)?;
            let rstr = to_string(agent, &rprim)?;
            // iii. Return the string-concatenation of lstr and rstr.
            return lstr.concat_in(agent, &rstr).map(Value::String);
        }
        // d. Set lval to lprim. e. Set rval to rprim.
        lval = lprim;
        rval = rprim;
    }
    // 2. NOTE: At this point, it must be a numeric operation.
    // 3. Let lnum be ? ToNumeric(lval). 4. Let rnum be ? ToNumeric(rval).
    let lnum = to_numeric(agent, &lval)?;
    let rnum = to_numeric(agent, &rval)?;
    match (lnum, rnum) {
        // 7. Let operation be the abstract operation associated with opText and
        //    Type(lnum) in Table 42. 8. Return operation(lnum, rnum).
        (Numeric::Number(a), Numeric::Number(b)) => Ok(Value::Number(number_operation(op, a, b))),
        // 6. If lnum is a BigInt, then ...
        (Numeric::BigInt(a), Numeric::BigInt(b)) => {
            bigint_operation(agent, op, a.value(), b.value())
        }
        // 5. If Type(lnum) is not Type(rnum), throw a TypeError exception.
        _ => Err(agent.type_error("cannot mix BigInt and other types, use explicit conversions")),
    }
}

/// The Number:: operations of Table 42.
fn number_operation(op: BinaryOp, a: f64, b: f64) -> f64 {
    match op {
        BinaryOp::Add => a + b,
        BinaryOp::Sub => a - b,
        BinaryOp::Mul => a * b,
        BinaryOp::Div => a / b,
        // Number::remainder: the sign of the dividend, as fmod.
        BinaryOp::Mod => number_remainder(a, b),
        BinaryOp::Exp => number_exponentiate(a, b),
        // Number::leftShift: ToInt32(x) << (ToUint32(y) mod 32).
        BinaryOp::Shl => f64::from(number_to_int32(a).wrapping_shl(number_to_uint32(b) & 31)),
        // Number::signedRightShift.
        BinaryOp::Shr => f64::from(number_to_int32(a) >> (number_to_uint32(b) & 31)),
        // Number::unsignedRightShift.
        BinaryOp::UShr => f64::from(number_to_uint32(a) >> (number_to_uint32(b) & 31)),
        BinaryOp::BitAnd => f64::from(number_to_int32(a) & number_to_int32(b)),
        BinaryOp::BitOr => f64::from(number_to_int32(a) | number_to_int32(b)),
        BinaryOp::BitXor => f64::from(number_to_int32(a) ^ number_to_int32(b)),
        _ => unreachable!("not an arithmetic operator"),
    }
}

/// The BigInt:: operations of Table 42.
fn bigint_operation(agent: &mut Agent, op: BinaryOp, a: &BigInt, b: &BigInt) -> JsResult<Value> {
    let result = match op {
        BinaryOp::Add => a + b,
        BinaryOp::Sub => a - b,
        BinaryOp::Mul => {
            // (The product has at most bits(a) + bits(b) bits: refused before it is
            // computed when that is past the size limit.)
            check_bigint_bits(a.bits().saturating_add(b.bits()).saturating_sub(1), false)
                .map_err(|e| e.throw(agent))?;
            a * b
        }
        BinaryOp::Div => {
            // BigInt::divide: 1. If y is 0ℤ, throw a RangeError exception.
            if b.is_zero() {
                return Err(agent.range_error("division by zero"));
            }
            // 2. Let quotient be ℝ(x) / ℝ(y). 3. Return ℤ(truncate(quotient)).
            a / b
        }
        BinaryOp::Mod => {
            // BigInt::remainder: 1. If d is 0ℤ, throw a RangeError exception.
            if b.is_zero() {
                return Err(agent.range_error("division by zero"));
            }
            // 2. If n is 0ℤ, return 0ℤ. 3-5. The sign of the dividend.
            a % b
        }
        BinaryOp::Exp => {
            // BigInt::exponentiate: 1. If exponent < 0ℤ, throw a RangeError exception.
            if b.is_negative() {
                return Err(agent.range_error("exponent must be non-negative"));
            }
            // 2. If base is 0ℤ and exponent is 0ℤ, return 1ℤ.
            // 3. Return ℤ(ℝ(base) raised to the power ℝ(exponent)).
            // (|base| ≤ 1 stays small for any exponent; otherwise the result has at least
            // (bits(base) - 1) · exponent + 1 bits, refused before it is computed when that
            // is past the size limit.)
            if a.magnitude().bits() <= 1 {
                let odd = b.bit(0);
                let result = if a.is_negative() && !odd {
                    BigInt::from(1)
                } else {
                    a.clone()
                };
                let result = if b.is_zero() { BigInt::from(1) } else { result };
                return Ok(Value::BigInt(JsBigInt::new(result)));
            }
            let exponent = b.to_u64().unwrap_or(u64::MAX);
            let min_bits = (a.bits() - 1).saturating_mul(exponent).saturating_add(1);
            check_bigint_bits(min_bits, false).map_err(|e| e.throw(agent))?;
            a.pow(exponent as u32)
        }
        BinaryOp::Shl | BinaryOp::Shr => {
            // BigInt::leftShift: ℤ(ℝ(x) × 2^ℝ(y)); signedRightShift is leftShift(x, -y).
            let shift = if op == BinaryOp::Shl {
                b.clone()
            } else {
                -b.clone()
            };
            match shift.to_i64() {
                Some(s) if s >= 0 => {
                    if !a.is_zero() {
                        check_bigint_bits(a.bits().saturating_add(s as u64), false)
                            .map_err(|e| e.throw(agent))?;
                    }
                    a << (s as usize)
                }
                Some(s) => {
                    let s = s.unsigned_abs();
                    if s > 1 << 40 {
                        if a.is_negative() {
                            BigInt::from(-1)
                        } else {
                            BigInt::zero()
                        }
                    } else {
                        // Floor division by 2^s (arithmetic shift of the two's complement).
                        let divisor = BigInt::from(1) << (s as usize);
                        num_integer_floor_div(a, &divisor)
                    }
                }
                None if shift.is_negative() => {
                    if a.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                }
                None if a.is_zero() => BigInt::zero(),
                None => return Err(BigIntTooBig { negative: false }.throw(agent)),
            }
        }
        // BigInt::unsignedRightShift: 1. Throw a TypeError exception.
        BinaryOp::UShr => {
            return Err(agent.type_error("BigInts have no unsigned right shift, use >> instead"))
        }
        BinaryOp::BitAnd => a & b,
        BinaryOp::BitOr => a | b,
        BinaryOp::BitXor => a ^ b,
        _ => unreachable!("not an arithmetic operator"),
    };
    JsBigInt::checked(agent, result).map(Value::BigInt)
}

/// ⌊a / d⌋ for d > 0.
fn num_integer_floor_div(a: &BigInt, d: &BigInt) -> BigInt {
    let q = a / d;
    if a.is_negative() && !(a % d).is_zero() {
        q - 1
    } else {
        q
    }
}
