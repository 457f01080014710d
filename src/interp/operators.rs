//! Operators: unary (13.5), multiplicative / additive / shift / relational / equality /
//! bitwise (13.6-13.12) and ApplyStringOrNumericBinaryOperator (13.15.3), with the Number
//! and BigInt operations of 6.1.6 they use.

use super::expressions::{evaluate_chain, evaluate_expression, Evaluated};
use crate::spec::agents::Agent;
use crate::spec::bigint_type::{
    bigint_add, bigint_bitwise_and, bigint_bitwise_not, bigint_bitwise_or, bigint_bitwise_xor,
    bigint_divide, bigint_exponentiate, bigint_left_shift, bigint_multiply, bigint_remainder,
    bigint_signed_right_shift, bigint_subtract, bigint_unary_minus, bigint_unsigned_right_shift,
    JsBigInt,
};
use crate::spec::completion_record::JsResult;
use crate::spec::number_type::{
    self, number_add, number_bitwise_and, number_bitwise_not, number_bitwise_or,
    number_bitwise_xor, number_divide, number_exponentiate, number_left_shift, number_multiply,
    number_signed_right_shift, number_subtract, number_unary_minus, number_unsigned_right_shift,
};
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
                Numeric::Number(n) => Value::Number(number_unary_minus(n)),
                Numeric::BigInt(b) => Value::BigInt(bigint_unary_minus(b.value())),
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
                Numeric::Number(n) => Value::Number(number_bitwise_not(n)),
                Numeric::BigInt(b) => Value::BigInt(bigint_bitwise_not(agent, b.value())?),
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

/// [`number_binary`] for the relational and equality operators, whose result on two
/// Numbers is a Boolean, giving the Boolean; `None` for the others.
#[inline(always)]
pub fn number_comparison(op: BinaryOp, a: f64, b: f64) -> Option<bool> {
    use BinaryOp::*;
    Some(match op {
        Lt => a < b,
        Gt => a > b,
        LtEq => a <= b,
        GtEq => a >= b,
        Eq | StrictEq => a == b,
        NotEq | StrictNotEq => a != b,
        _ => return None,
    })
}

/// Number::remainder ( n, d ) (6.1.6.1.6): the sign of the dividend, as fmod. When both
/// are integral Numbers of magnitude below 2^63 (±0 included for the dividend, at least 1
/// for the divisor), it is the integer remainder of their magnitudes with the dividend's
/// sign (steps 6-7: r = n - d × q with q the integer of n / d rounded towards zero, exact
/// as fmod's is — such a remainder is always a Number — and a zero result of a negative
/// dividend is -0), computed without fmod. (A product such as `x * 1103515245` past 2^53
/// is still an integral Number.)
#[inline(always)]
fn number_remainder(n: f64, d: f64) -> f64 {
    const LIMIT: f64 = 9_223_372_036_854_775_808.0; // 2^63
    let (a, b) = (n.abs(), d.abs());
    if a < LIMIT && (1.0..LIMIT).contains(&b) {
        let (ai, bi) = (a as i64, b as i64);
        if ai as f64 == a && bi as f64 == b {
            let r = (ai % bi) as f64;
            return if n.is_sign_negative() { -r } else { r };
        }
    }
    n % d
}

/// A binary operator applied to the values of its operands.
pub fn binary(agent: &mut Agent, op: BinaryOp, lval: Value, rval: Value) -> JsResult<Value> {
    use BinaryOp::*;
    // (With tracing on, the steps below run, down to the marked Number:: operations.)
    if let (Value::Number(a), Value::Number(b), false) = (&lval, &rval, crate::trace::enabled()) {
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
    // Fast path for two Numbers: the steps below reach the same Number operation (with
    // tracing on, they run, down to the marked Number:: operations).
    if let (Value::Number(a), Value::Number(b), false) = (&lval, &rval, crate::trace::enabled()) {
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
        (Numeric::Number(a), Numeric::Number(b)) => {
            Ok(Value::Number(number_operation_steps(op, a, b)))
        }
        // 6. If lnum is a BigInt, then ...
        (Numeric::BigInt(a), Numeric::BigInt(b)) => {
            bigint_operation(agent, op, a.value(), b.value()).map(Value::BigInt)
        }
        // 5. If Type(lnum) is not Type(rnum), throw a TypeError exception.
        _ => Err(agent.type_error("cannot mix BigInt and other types, use explicit conversions")),
    }
}

/// [`number_binary`] of an arithmetic, shift or bitwise operator (the Number:: operation of
/// Table 42, a Number); `None` for the relational and equality operators, `in` and
/// `instanceof`.
#[inline(always)]
pub fn number_arithmetic(op: BinaryOp, a: f64, b: f64) -> Option<f64> {
    use BinaryOp::*;
    Some(match op {
        Add => a + b,
        Sub => a - b,
        Mul => a * b,
        Div => a / b,
        Mod => number_remainder(a, b),
        Exp | Shl | Shr | UShr | BitAnd | BitOr | BitXor => number_operation(op, a, b),
        _ => return None,
    })
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

/// The Number:: operations of Table 42, each the function of its clause (6.1.6.1), whose
/// steps are marked: the slow path of ApplyStringOrNumericBinaryOperator's step 8 (the
/// fast paths compute the same results with [`number_operation`]).
fn number_operation_steps(op: BinaryOp, a: f64, b: f64) -> f64 {
    match op {
        BinaryOp::Add => number_add(a, b),
        BinaryOp::Sub => number_subtract(a, b),
        BinaryOp::Mul => number_multiply(a, b),
        BinaryOp::Div => number_divide(a, b),
        BinaryOp::Mod => number_type::number_remainder(a, b),
        BinaryOp::Exp => number_exponentiate(a, b),
        BinaryOp::Shl => number_left_shift(a, b),
        BinaryOp::Shr => number_signed_right_shift(a, b),
        BinaryOp::UShr => number_unsigned_right_shift(a, b),
        BinaryOp::BitAnd => number_bitwise_and(a, b),
        BinaryOp::BitOr => number_bitwise_or(a, b),
        BinaryOp::BitXor => number_bitwise_xor(a, b),
        _ => unreachable!("not an arithmetic operator"),
    }
}

/// The BigInt:: operations of Table 42 (6.1.6.2).
fn bigint_operation(agent: &mut Agent, op: BinaryOp, a: &BigInt, b: &BigInt) -> JsResult<JsBigInt> {
    match op {
        BinaryOp::Add => bigint_add(agent, a, b),
        BinaryOp::Sub => bigint_subtract(agent, a, b),
        BinaryOp::Mul => bigint_multiply(agent, a, b),
        BinaryOp::Div => bigint_divide(agent, a, b),
        BinaryOp::Mod => bigint_remainder(agent, a, b),
        BinaryOp::Exp => bigint_exponentiate(agent, a, b),
        BinaryOp::Shl => bigint_left_shift(agent, a, b),
        BinaryOp::Shr => bigint_signed_right_shift(agent, a, b),
        BinaryOp::UShr => bigint_unsigned_right_shift(agent),
        BinaryOp::BitAnd => Ok(bigint_bitwise_and(a, b)),
        BinaryOp::BitOr => Ok(bigint_bitwise_or(a, b)),
        BinaryOp::BitXor => Ok(bigint_bitwise_xor(a, b)),
        _ => unreachable!("not an arithmetic operator"),
    }
}
