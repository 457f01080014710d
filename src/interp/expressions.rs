//! Runtime Semantics: Evaluation of expressions (ECMA-262 13), dispatched by node kind.
//! Operators are in operators.rs, calls in calls.rs, literals in literals.rs, classes in
//! classes.rs.

use super::calls::{
    evaluate_call, evaluate_call_value, evaluate_new, evaluate_super_call, evaluate_tagged_template,
};
use super::classes::class_definition_evaluation_named;
use super::functions::{
    instantiate_arrow_function_expression, instantiate_ordinary_function_expression,
};
use super::identifiers::Target;
use super::literals::{array_literal, object_literal, template_literal};
use super::operators;
use super::patterns::destructuring_assignment_evaluation;
use crate::spec::agents::Agent;
use crate::spec::bigint_type::JsBigInt;
use crate::spec::class_private_elements::private_element_find;
use crate::spec::completion_record::JsResult;
use crate::spec::ecmascript_function_objects::FunctionName;
use crate::spec::environment_records::{get_super_base, Env};
pub use crate::spec::execution_contexts::{
    get_new_target, get_this_environment, is_strict, lexical_environment, resolve_binding,
    resolve_binding_steps, resolve_this_binding,
};
use crate::spec::object_type::PropertyKey;
use crate::spec::private_environment_records::resolve_private_identifier;
use crate::spec::reference_record::{
    get_value, make_private_reference, Reference, ReferenceBase, ReferenceName,
};
use crate::spec::string_type::JsString;
use crate::spec::type_conversion::{to_boolean, to_numeric, Numeric};
use crate::spec::value::Value;
use crate::syntax::ast::{
    AssignOp, BinaryOp, Expr, ExprKind, LogicalOp, MemberProp, Name, Pattern, UpdateOp,
};

/// What evaluating an expression can give: a Reference Record, a value, or — inside an
/// OptionalChain — the short-circuit that makes the whole chain undefined.
pub enum Evaluated<'a> {
    Ref(Reference<'a>),
    Value(Value),
    ShortCircuit,
}

impl<'a> Evaluated<'a> {
    /// GetValue(V).
    pub fn get_value(self, agent: &mut Agent) -> JsResult<Value> {
        match self {
            Evaluated::Ref(r) => get_value(agent, &r),
            Evaluated::Value(v) => Ok(v),
            Evaluated::ShortCircuit => Ok(Value::Undefined),
        }
    }
}

/// Evaluation of an expression followed by GetValue. The most frequent kinds are here, the
/// others in [`evaluate_other_expression`] (a smaller function is a cheaper call).
pub fn evaluate_expression(agent: &mut Agent, expr: &Expr) -> JsResult<Value> {
    match &expr.kind {
        // ResolveBinding(name) and GetValue, fused, through the identifier's place
        // (identifiers.rs; a ReferenceError is reported at the identifier).
        ExprKind::Ident(id) => super::identifiers::identifier_value(agent, id),
        ExprKind::Number(n) => Ok(Value::Number(*n)),
        ExprKind::Binary { op, left, right } => {
            if let Some(value) = number_binary_expression(agent, expr) {
                return Ok(value);
            }
            binary_operands_value(agent, expr, *op, left, right)
        }
        // 13.15.2 step 1 for an identifier (identifiers.rs).
        ExprKind::Assign { op, target, value } => match target {
            Pattern::Ident(id) if *op == AssignOp::Assign => {
                super::identifiers::assign_to_identifier(agent, id, value, expr.span.start)
            }
            // `object.name = value` and `object[key] = value` without the Reference Record
            // (property_access.rs), not while tracing.
            Pattern::Expr(e) if *op == AssignOp::Assign && !crate::trace::enabled() => {
                match &e.kind {
                    ExprKind::Member {
                        object,
                        property: property @ MemberProp::Ident(id),
                        optional: false,
                    } => super::property_access::assign_to_property(
                        agent,
                        object,
                        property,
                        id,
                        value,
                        expr.span.start,
                    ),
                    ExprKind::Member {
                        object,
                        property: MemberProp::Computed(key),
                        optional: false,
                    } => super::property_access::assign_to_element(
                        agent,
                        object,
                        key,
                        value,
                        expr.span.start,
                    ),
                    _ => assignment(agent, *op, target, value, expr.span.start),
                }
            }
            _ => assignment(agent, *op, target, value, expr.span.start),
        },
        ExprKind::Update { op, prefix, target } => {
            // Steps 1-5 at once for an identifier whose binding slot holds a Number
            // (identifiers.rs, `update_number_in_slot`).
            if let Pattern::Ident(id) = target {
                let delta = if *op == UpdateOp::Increment {
                    1.0
                } else {
                    -1.0
                };
                if let Some((old_value, new_value)) =
                    super::identifiers::update_number_in_slot(agent, id, delta)
                {
                    agent.current_offset = expr.span.start;
                    // Postfix: 6. Return oldValue. Prefix: 6. Return newValue.
                    return Ok(Value::Number(if *prefix { new_value } else { old_value }));
                }
            }
            update_expression(agent, *op, *prefix, target, expr.span.start)
        }
        ExprKind::Member {
            object,
            property: property @ MemberProp::Ident(id),
            optional: false,
        } => {
            // 13.3.2.1 MemberExpression : MemberExpression . IdentifierName, then GetValue.
            // (Untraced, `x.m(...).value`: the call may give the "value" of a generator's
            // iterator result without the object, calls.rs `evaluate_method_call`.)
            let base_value = if let ExprKind::Call {
                callee,
                arguments,
                optional: false,
            } = &object.kind
            {
                // (A Number or an Object is taken out of the result as its tag and its
                // payload, word by word: a copy of the whole value read back right after
                // the callee wrote it stalls.)
                match call_value_base(agent, object, callee, arguments, id) {
                    Ok(CallBase::Done(Value::Number(n))) => return Ok(Value::Number(n)),
                    Ok(CallBase::Done(value)) => return Ok(value),
                    Ok(CallBase::Value(Value::Object(o))) => Value::Object(o),
                    Ok(CallBase::Value(value)) => value,
                    Err(error) => return Err(error),
                }
            } else {
                match member_base_value(agent, object)? {
                    Some(value) => value,
                    None => return Ok(Value::Undefined),
                }
            };
            // For an Object base, GetValue (6.2.5.5) step 3 is baseObj.[[Get]](name,
            // baseObj): no Reference Record needs to be made.
            if let Value::Object(o) = &base_value {
                // (Error locations: GetValue fails at the name.)
                agent.current_offset = id.span.start;
                return super::property_access::get_identifier_named(agent, o, id, &base_value);
            }
            let reference = property_reference(agent, base_value, property)?;
            agent.current_offset = id.span.start;
            get_value(agent, &reference)
        }
        _ => evaluate_other_expression(agent, expr),
    }
}

/// ToBoolean(? GetValue(? Evaluation of `expr`)): [`evaluate_expression`] and
/// `to_boolean`, a Boolean result read as its tag and its payload, word by word, and its
/// own ToBoolean (step 1) while tracing is off (a copy of the whole value read back right
/// after the callee wrote it stalls).
#[inline(always)]
pub fn evaluate_to_boolean(agent: &mut Agent, expr: &Expr) -> JsResult<bool> {
    let result = evaluate_expression(agent, expr);
    match result {
        Ok(Value::Boolean(b)) if !crate::trace::enabled() => {
            // (Forgotten: a Boolean holds nothing to release, and the general drop is a
            // call.)
            std::mem::forget(result);
            Ok(b)
        }
        Ok(value) => {
            let b = to_boolean(&value);
            value.discard();
            Ok(b)
        }
        Err(error) => Err(error),
    }
}

/// Evaluation and GetValue of a binary operator expression `left op right` (13.6-13.12:
/// the operands' Evaluation and GetValue, left then right, then the operator's steps), with
/// the Number cases first: two Number operands read where they are
/// ([`number_binary_expression`], [`number_or_global_binary_expression`]), then operands
/// evaluated by [`operand_value`] and two Number values given to `operators::number_binary`
/// (not while tracing), in [`binary_operands_value`], out of line, so that its frame is
/// not that of every [`evaluate_expression`]; callers that know they have a binary
/// expression (a parenthesized one, an initializer, a concise arrow body) call this
/// directly.
#[inline(always)]
pub fn binary_value(
    agent: &mut Agent,
    expr: &Expr,
    op: BinaryOp,
    left: &Expr,
    right: &Expr,
) -> JsResult<Value> {
    if let Some(value) = number_binary_expression(agent, expr) {
        return Ok(value);
    }
    binary_operands_value(agent, expr, op, left, right)
}

/// [`evaluate_expression`] of a concise arrow body's ExpressionBody (EvaluateConciseBody's
/// Evaluation and GetValue), and of a parenthesized operand's Expression: a binary
/// expression goes to [`binary_value`] without the dispatch.
#[inline(always)]
pub fn evaluate_expression_body(agent: &mut Agent, expr: &Expr) -> JsResult<Value> {
    match &expr.kind {
        ExprKind::Binary { op, left, right } => binary_value(agent, expr, *op, left, right),
        _ => evaluate_expression(agent, expr),
    }
}

/// [`binary_value`] after [`number_binary_expression`] has given up (having evaluated
/// nothing).
#[inline(never)]
pub(super) fn binary_operands_value(
    agent: &mut Agent,
    expr: &Expr,
    op: BinaryOp,
    left: &Expr,
    right: &Expr,
) -> JsResult<Value> {
    // (Operands of other kinds — a call, a parenthesized expression — give up before the
    // attempt.)
    if may_be_number(left) && may_be_number(right) {
        if let Some(value) = number_or_global_binary_expression(agent, expr) {
            return Ok(value);
        }
    }
    // (A Number operand is taken out of its result as its tag and its payload, word by
    // word, and the two-Number case kept apart from the general one: a copy of a whole
    // value read back right after the callee wrote it stalls.)
    // (A Number's result is forgotten: it holds nothing to release, and its general drop
    // is a call.)
    let left_result = operand_value(agent, left);
    let lval = match left_result {
        Ok(Value::Number(a)) => {
            std::mem::forget(left_result);
            let right_result = operand_value(agent, right);
            match right_result {
                Ok(Value::Number(b)) => {
                    std::mem::forget(right_result);
                    agent.current_offset = expr.span.start;
                    // (with tracing on, operators::binary runs the steps)
                    if !crate::trace::enabled() {
                        if let Some(value) = operators::number_binary(op, a, b) {
                            return Ok(value);
                        }
                    }
                    return operators::binary(agent, op, Value::Number(a), Value::Number(b));
                }
                Ok(rval) => {
                    agent.current_offset = expr.span.start;
                    return operators::binary(agent, op, Value::Number(a), rval);
                }
                Err(error) => return Err(error),
            }
        }
        Ok(lval) => lval,
        Err(error) => return Err(error),
    };
    // (lval is not a Number here.)
    let rval = operand_value(agent, right)?;
    agent.current_offset = expr.span.start;
    operators::binary(agent, op, lval, rval)
}

/// Evaluation and GetValue of `left op right` (13.6-13.12) when both operands are Number
/// literals or identifiers whose binding slots hold Numbers (their evaluation has no effect
/// and gives the Numbers) and `operators::number_binary` applies the operator's Number::
/// operation: the value, with the error location at the expression as the general steps
/// leave it. `None`, with nothing evaluated or reported, otherwise and while tracing.
#[inline(always)]
pub fn number_binary_expression(agent: &mut Agent, expr: &Expr) -> Option<Value> {
    let ExprKind::Binary { op, left, right } = &expr.kind else {
        return None;
    };
    if crate::trace::enabled() {
        return None;
    }
    // (A right operand of another kind gives up before the left one is read: `x + f()`.)
    if !matches!(right.kind, ExprKind::Number(_) | ExprKind::Ident(_)) {
        return None;
    }
    let a = number_operand(agent, left)?;
    let b = number_operand(agent, right)?;
    let value = operators::number_binary(*op, a, b)?;
    agent.current_offset = expr.span.start;
    Some(value)
}

/// [`number_binary_expression`] for an arithmetic operator (`operators::number_arithmetic`)
/// with the running LexicalEnvironment given (`env`, held by the loop fast paths of
/// iteration.rs while it is the running one): the Number, or `None` with nothing
/// evaluated. The caller has checked that tracing is off and sets the error location.
#[inline(always)]
pub fn number_arithmetic_in(env: &Env, expr: &Expr) -> Option<f64> {
    let ExprKind::Binary { op, left, right } = &expr.kind else {
        return None;
    };
    // (The right operand first: reading them has no effect, and in `x = x + f()` it is the
    // one that is not a Number operand.)
    let b = number_operand_in(env, right)?;
    let a = number_operand_in(env, left)?;
    operators::number_arithmetic(*op, a, b)
}

/// [`number_arithmetic_in`] for a relational or equality operator
/// (`operators::number_comparison`): the Boolean, or `None` with nothing evaluated.
#[inline(always)]
pub fn number_comparison_in(env: &Env, expr: &Expr) -> Option<bool> {
    let ExprKind::Binary { op, left, right } = &expr.kind else {
        return None;
    };
    let a = number_operand_in(env, left)?;
    let b = number_operand_in(env, right)?;
    operators::number_comparison(*op, a, b)
}

/// [`number_operand`] with the running LexicalEnvironment given.
#[inline(always)]
fn number_operand_in(env: &Env, expr: &Expr) -> Option<f64> {
    match &expr.kind {
        ExprKind::Number(n) => Some(*n),
        ExprKind::Ident(id) => super::identifiers::slot_number_in(env, id),
        _ => None,
    }
}

/// [`number_binary_expression`] where identifiers with a global place holding a Number
/// (`identifiers::identifier_or_global_number_untraced`) and `slot.name` reading a Number
/// own data property (`property_access::member_number_untraced`) count as Number operands
/// too (evaluating them has no effect either; the slot-only one stays small for the `let`
/// paths: one generic body taking the operand function, tried, put the `let` loop at 1,321
/// instructions per iteration instead of 1,168).
#[inline(always)]
pub fn number_or_global_binary_expression(agent: &mut Agent, expr: &Expr) -> Option<Value> {
    let ExprKind::Binary { op, left, right } = &expr.kind else {
        return None;
    };
    if crate::trace::enabled() {
        return None;
    }
    let a = number_or_global_operand(agent, left)?;
    let b = number_or_global_operand(agent, right)?;
    let value = operators::number_binary(*op, a, b)?;
    agent.current_offset = expr.span.start;
    Some(value)
}

/// An operand of [`number_or_global_binary_expression`]: its Number, or `None`.
#[inline(always)]
pub(super) fn number_or_global_operand(agent: &Agent, expr: &Expr) -> Option<f64> {
    match &expr.kind {
        ExprKind::Number(n) => Some(*n),
        ExprKind::Ident(id) => super::identifiers::identifier_or_global_number_untraced(agent, id),
        ExprKind::Member {
            object,
            property: MemberProp::Ident(id),
            optional: false,
        } => super::property_access::member_number_untraced(agent, object, id),
        ExprKind::Member {
            object,
            property: MemberProp::Computed(key),
            optional: false,
        } => super::property_access::element_number_untraced(agent, object, key),
        _ => None,
    }
}

/// Whether an operand is of a kind [`number_or_global_operand`] may read a Number from
/// (the test that lets other operands skip [`number_or_global_binary_expression`]).
#[inline(always)]
fn may_be_number(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Number(_)
            | ExprKind::Ident(_)
            | ExprKind::Member {
                optional: false,
                ..
            }
    )
}

/// The Number an operand evaluates to when it is a Number literal or an identifier whose
/// binding slot holds a Number (evaluations with no effect); `None` otherwise. Only while
/// tracing is off.
#[inline(always)]
fn number_operand(agent: &Agent, expr: &Expr) -> Option<f64> {
    match &expr.kind {
        ExprKind::Number(n) => Some(*n),
        ExprKind::Ident(id) => super::identifiers::identifier_number_untraced(agent, id),
        _ => None,
    }
}

/// Evaluation of an operand followed by GetValue, with the identifier and number cases
/// inline (the operands of most binary operators), and a parenthesized expression or a
/// call going to its evaluation without the dispatch of [`evaluate_other_expression`]
/// (13.2.10.1: the evaluation of `( Expression )` is that of Expression; a call's is
/// EvaluateCall's, as [`evaluate_chain`] does it).
#[inline(always)]
fn operand_value(agent: &mut Agent, expr: &Expr) -> JsResult<Value> {
    match &expr.kind {
        ExprKind::Ident(id) => super::identifiers::identifier_value(agent, id),
        ExprKind::Number(n) => Ok(Value::Number(*n)),
        ExprKind::Paren(inner) => evaluate_expression_body(agent, inner),
        ExprKind::Call {
            callee,
            arguments,
            optional,
        } => evaluate_call_value(agent, expr, callee, arguments, *optional),
        _ => evaluate_expression(agent, expr),
    }
}

/// [`evaluate_expression`] of the Expression of an ExpressionStatement in a StatementList,
/// with `x = ...` to an identifier going straight to its steps (the commonest statement).
#[inline(always)]
pub fn evaluate_expression_statement(agent: &mut Agent, expr: &Expr) -> JsResult<Value> {
    if let ExprKind::Assign {
        op: AssignOp::Assign,
        target: Pattern::Ident(id),
        value,
    } = &expr.kind
    {
        return super::identifiers::assign_to_identifier_inline(agent, id, value, expr.span.start);
    }
    evaluate_expression(agent, expr)
}

/// Steps 1-2 of 13.3.2.1 (`baseReference` evaluated, then GetValue): the base value of a
/// member expression, `None` when an optional chain inside it short-circuits.
#[inline]
pub(super) fn member_base_value(agent: &mut Agent, object: &Expr) -> JsResult<Option<Value>> {
    Ok(Some(match &object.kind {
        // (An identifier: ResolveBinding and GetValue fused, identifiers.rs.)
        ExprKind::Ident(id) => super::identifiers::identifier_value(agent, id)?,
        _ => match evaluate_chain(agent, object)? {
            Evaluated::ShortCircuit => return Ok(None),
            base => base.get_value(agent)?,
        },
    }))
}

/// What [`call_value_base`] gives: the call's value (baseValue), or the whole member
/// expression's value.
enum CallBase {
    Value(Value),
    Done(Value),
}

/// Steps 1-2 of 13.3.2.1 for `call.name` (`object` a CallExpression outside an optional
/// chain), not while tracing for `x.m(...).value`: when the call gives
/// `MethodCallResult::IteratorValue` (a generator's `next`, calls.rs), that is GetValue of
/// `.value` on the iterator result object (an own data property of an ordinary object), so
/// the member expression's value.
#[inline(never)]
fn call_value_base(
    agent: &mut Agent,
    object: &Expr,
    callee: &Expr,
    arguments: &[crate::syntax::ast::Argument],
    id: &crate::syntax::ast::Ident,
) -> JsResult<CallBase> {
    if let ExprKind::Member {
        object: callee_object,
        property: callee_property @ MemberProp::Ident(callee_id),
        optional: false,
    } = &callee.kind
    {
        if !crate::trace::enabled() && &*id.name == "value" {
            return Ok(
                match super::calls::evaluate_method_call(
                    agent,
                    object,
                    callee,
                    callee_object,
                    callee_property,
                    callee_id,
                    arguments,
                    true,
                )? {
                    Some(super::calls::MethodCallResult::Value(value)) => CallBase::Value(value),
                    Some(super::calls::MethodCallResult::IteratorValue(value)) => {
                        CallBase::Done(value)
                    }
                    None => CallBase::Done(Value::Undefined),
                },
            );
        }
    }
    Ok(match member_base_value(agent, object)? {
        Some(value) => CallBase::Value(value),
        None => CallBase::Done(Value::Undefined),
    })
}

/// [`evaluate_expression`] of the other kinds.
#[inline(never)]
fn evaluate_other_expression(agent: &mut Agent, expr: &Expr) -> JsResult<Value> {
    match &expr.kind {
        ExprKind::Ident(_)
        | ExprKind::Number(_)
        | ExprKind::Binary { .. }
        | ExprKind::Assign { .. }
        | ExprKind::Update { .. } => evaluate_expression(agent, expr),
        ExprKind::Member {
            property: MemberProp::Ident(_),
            optional: false,
            ..
        } => evaluate_expression(agent, expr),
        // 13.2.1.1 PrimaryExpression : this — 1. Return ? ResolveThisBinding().
        ExprKind::This => resolve_this_binding(agent),
        // 13.2.3.1 Literal evaluation.
        ExprKind::Null => Ok(Value::Null),
        ExprKind::Bool(b) => Ok(Value::Boolean(*b)),
        ExprKind::BigInt(digits) => match JsBigInt::from_literal(digits) {
            Ok(Some(b)) => Ok(Value::BigInt(b)),
            Ok(None) => Err(agent.syntax_error("invalid BigInt literal")),
            Err(too_big) => Err(too_big.throw(agent)),
        },
        ExprKind::String(s) => Ok(Value::String(JsString::from_units(s))),
        ExprKind::Template(t) => template_literal(agent, t),
        ExprKind::RegExp { pattern, flags } => {
            super::literals::regexp_literal(agent, pattern, flags)
        }
        ExprKind::Array(elements) => array_literal(agent, elements),
        ExprKind::Object(props) => object_literal(agent, props),
        ExprKind::Function(code) => {
            instantiate_ordinary_function_expression(agent, code, None).map(Value::Object)
        }
        ExprKind::Arrow(code) => {
            instantiate_arrow_function_expression(agent, code, None).map(Value::Object)
        }
        ExprKind::Class(class) => class_definition_evaluation_named(agent, class, None),
        ExprKind::Unary { op, argument } => operators::unary(agent, *op, argument, expr.span.start),
        ExprKind::Logical { op, left, right } => {
            // 13.13.1 Binary Logical Operators.
            // 1. Let lref be ? Evaluation of the left operand. 2. Let lval be ? GetValue(lref).
            let lval = evaluate_expression(agent, left)?;
            let short_circuit = match op {
                // &&: 3. If ToBoolean(lval) is false, return lval.
                LogicalOp::And => !to_boolean(&lval),
                // ||: 3. If ToBoolean(lval) is true, return lval.
                LogicalOp::Or => to_boolean(&lval),
                // ??: 3. If lval is either undefined or null, then ... 4. Else, return lval.
                LogicalOp::Coalesce => !lval.is_nullish(),
            };
            if short_circuit {
                return Ok(lval);
            }
            // 4. Let rref be ? Evaluation of the right operand.
            // 5. Return ? GetValue(rref).
            evaluate_expression(agent, right)
        }
        ExprKind::PrivateIn { name, right } => private_in(agent, &name.name, right),
        ExprKind::Conditional {
            test,
            consequent,
            alternate,
        } => {
            // 13.14.1 1. Let lref be ? Evaluation of ShortCircuitExpression.
            // 2. Let lval be ToBoolean(? GetValue(lref)).
            // 3. If lval is true, then a. Let trueRef be ? Evaluation of the first
            //    AssignmentExpression. b. Return ? GetValue(trueRef).
            // 4. Else, a. Let falseRef be ? Evaluation of the second AssignmentExpression.
            //    b. Return ? GetValue(falseRef).
            if evaluate_to_boolean(agent, test)? {
                evaluate_expression(agent, consequent)
            } else {
                evaluate_expression(agent, alternate)
            }
        }
        ExprKind::Sequence(exprs) => {
            // 13.16.1 1. Let lref be ? Evaluation of Expression. 2. Perform ? GetValue(lref).
            // 3. Let rref be ? Evaluation of AssignmentExpression. 4. Return ? GetValue(rref).
            let mut last = Value::Undefined;
            for e in exprs {
                last = evaluate_expression(agent, e)?;
            }
            Ok(last)
        }
        ExprKind::Paren(inner) => evaluate_expression(agent, inner),
        // `object[key]` with an array-index key without the Reference Record
        // (property_access.rs), not while tracing.
        ExprKind::Member {
            object,
            property: MemberProp::Computed(key),
            optional: false,
        } if !crate::trace::enabled() => super::property_access::get_element(agent, object, key),
        // (A call: EvaluateCall as `evaluate_chain` does it, without its dispatch.)
        ExprKind::Call {
            callee,
            arguments,
            optional,
        } => evaluate_call_value(agent, expr, callee, arguments, *optional),
        ExprKind::Member { .. } | ExprKind::SuperMember(_) | ExprKind::OptionalChain(_) => {
            evaluate_chain(agent, expr)?.get_value(agent)
        }
        ExprKind::TaggedTemplate { tag, quasi } => evaluate_tagged_template(agent, tag, quasi),
        ExprKind::SuperCall(arguments) => evaluate_super_call(agent, arguments),
        ExprKind::New { callee, arguments } => {
            evaluate_new(agent, callee, arguments, expr.span.start)
        }
        // 13.3.12.1 NewTarget : new . target — 1. Return GetNewTarget().
        ExprKind::NewTarget => Ok(get_new_target(agent)),
        ExprKind::ImportMeta => super::modules::evaluate_import_meta(agent),
        ExprKind::ImportCall {
            phase,
            specifier,
            options,
        } => super::modules::evaluate_import_call(agent, *phase, specifier, options.as_deref()),
        ExprKind::Yield {
            argument,
            delegate: false,
        } => crate::interp::generators::evaluate_yield(agent, argument.as_deref()),
        ExprKind::Yield {
            argument: Some(argument),
            delegate: true,
        } => crate::interp::generators::evaluate_yield_star(agent, argument),
        ExprKind::Yield {
            argument: None,
            delegate: true,
        } => unreachable!("the grammar gives yield* an operand"),
        // 15.8.5 AwaitExpression : await UnaryExpression
        ExprKind::Await(argument) => {
            // 1. Let exprRef be ? Evaluation of UnaryExpression.
            // 2. Let value be ? GetValue(exprRef).
            let value = evaluate_expression(agent, argument)?;
            // 3. Return ? Await(value).
            crate::spec::await_operation::await_value(agent, value)
        }
    }
}

/// Evaluation of an expression that may produce a Reference Record (identifiers, property
/// accesses, calls, optional chains, parenthesized ones), keeping the reference.
pub fn evaluate_chain<'a>(agent: &mut Agent, expr: &'a Expr) -> JsResult<Evaluated<'a>> {
    match &expr.kind {
        // 13.1.3 IdentifierReference : Identifier — 1. Return ? ResolveBinding(StringValue
        // of Identifier).
        ExprKind::Ident(id) => {
            agent.current_offset = id.span.start;
            Ok(Evaluated::Ref(resolve_binding(agent, &id.name, None)?))
        }
        // 13.2.10.1 ParenthesizedExpression : ( Expression ) — 1. Return ? Evaluation of
        // Expression. This may be of type Reference.
        ExprKind::Paren(inner) => match evaluate_chain(agent, inner)? {
            Evaluated::ShortCircuit => Ok(Evaluated::Value(Value::Undefined)),
            other => Ok(other),
        },
        ExprKind::Member {
            object,
            property,
            optional,
        } => {
            // 13.3.2.1 1. Let baseReference be ? Evaluation of MemberExpression.
            // 2. Let baseValue be ? GetValue(baseReference).
            let Some(base_value) = member_base_value(agent, object)? else {
                return Ok(Evaluated::ShortCircuit);
            };
            // 13.5.1.2 OptionalChain : ?. ... — if baseValue is undefined or null, the
            // chain returns undefined.
            if *optional && base_value.is_nullish() {
                return Ok(Evaluated::ShortCircuit);
            }
            let reference = property_reference(agent, base_value, property)?;
            // Error locations: GetValue or PutValue of this reference fails here.
            agent.current_offset = member_prop_offset(property);
            Ok(Evaluated::Ref(reference))
        }
        ExprKind::SuperMember(property) => {
            let reference = super_property_reference(agent, property)?;
            agent.current_offset = member_prop_offset(property);
            Ok(Evaluated::Ref(reference))
        }
        ExprKind::Call {
            callee,
            arguments,
            optional,
        } => evaluate_call(agent, expr, callee, arguments, *optional),
        ExprKind::OptionalChain(inner) => match evaluate_chain(agent, inner)? {
            Evaluated::ShortCircuit => Ok(Evaluated::Value(Value::Undefined)),
            other => Ok(other),
        },
        _ => Ok(Evaluated::Value(evaluate_expression(agent, expr)?)),
    }
}

/// Where an error of the property access `.name`, `[expr]` or `.#name` is reported: the
/// name, or the key expression (not the start of the whole member expression, which
/// `a.b.c` and `a.b` share).
pub fn member_prop_offset(property: &MemberProp) -> u32 {
    match property {
        MemberProp::Ident(id) => id.span.start,
        MemberProp::Private(id) => id.span.start,
        MemberProp::Computed(e) => e.span.start,
    }
}

/// The property reference `baseValue.name`, `baseValue[expr]` or `baseValue.#name`
/// (EvaluatePropertyAccessWithIdentifierKey, EvaluatePropertyAccessWithExpressionKey,
/// MakePrivateReference).
#[crate::trace::checks_tracing_once]
pub fn property_reference<'a>(
    agent: &mut Agent,
    base_value: Value,
    property: &'a MemberProp,
) -> JsResult<Reference<'a>> {
    // 3. If the source text matched by this MemberExpression is strict mode code, let
    //    strict be true; else let strict be false.
    let strict = is_strict(agent);
    match property {
        MemberProp::Ident(id) => {
            // EvaluatePropertyAccessWithIdentifierKey ( baseValue, identifierName, strict )
            // (13.3.4):
            // (One test of the tracing flag for both markers: no work between them but
            // the key's lookup.)
            if crate::trace::enabled() {
                // 1. Let propertyNameString be the StringValue of identifierName.
                crate::step!("sec-evaluate-property-access-with-identifier-key", "1");
                // 2. Return the Reference Record { [[Base]]: baseValue, [[ReferencedName]]:
                //    propertyNameString, [[Strict]]: strict, [[ThisValue]]: empty }.
                crate::step!("sec-evaluate-property-access-with-identifier-key", "2");
            }
            let property_name_string = super::property_access::identifier_key(agent, &id.name);
            Ok(Reference {
                base: ReferenceBase::Value(base_value),
                name: ReferenceName::Key(property_name_string),
                strict,
                this_value: None,
            })
        }
        MemberProp::Computed(e) => {
            // EvaluatePropertyAccessWithExpressionKey ( baseValue, expression, strict )
            // (13.3.3):
            // 1. Let propertyNameReference be ? Evaluation of expression.
            crate::step!("sec-evaluate-property-access-with-expression-key", "1");
            // 2. Let propertyNameValue be ? GetValue(propertyNameReference).
            crate::step!("sec-evaluate-property-access-with-expression-key", "2");
            let property_name_value = evaluate_expression(agent, e)?;
            // 3. NOTE: In most cases, ToPropertyKey will be performed on propertyNameValue
            //    immediately after this step. However, in the case of a[b] = c, it will not
            //    be performed until after evaluation of c.
            crate::step!("sec-evaluate-property-access-with-expression-key", "3");
            // 4. Return the Reference Record { [[Base]]: baseValue, [[ReferencedName]]:
            //    propertyNameValue, [[Strict]]: strict, [[ThisValue]]: empty }.
            crate::step!("sec-evaluate-property-access-with-expression-key", "4");
            Ok(Reference {
                base: ReferenceBase::Value(base_value),
                name: ReferenceName::of_property_name_value(property_name_value),
                strict,
                this_value: None,
            })
        }
        // MemberExpression : MemberExpression . PrivateIdentifier
        // 3. Let fieldNameString be the StringValue of PrivateIdentifier.
        // 4. Return MakePrivateReference(baseValue, fieldNameString).
        MemberProp::Private(id) => Ok(make_private_reference(agent, base_value, &id.name)),
    }
}

/// SuperProperty evaluation (13.3.7.1) and MakeSuperPropertyReference (13.3.7.3).
fn super_property_reference<'a>(
    agent: &mut Agent,
    property: &'a MemberProp,
) -> JsResult<Reference<'a>> {
    // 1. Let env be GetThisEnvironment().
    let env = get_this_environment(agent);
    // 2. Let actualThis be ? env.GetThisBinding().
    let actual_this = env.get_this_binding(agent)?;
    let name = match property {
        // SuperProperty : super . IdentifierName
        // 3. Let propertyKey be the StringValue of IdentifierName.
        MemberProp::Ident(id) => ReferenceName::Key(PropertyKey::from_identifier(&id.name)),
        // SuperProperty : super [ Expression ]
        // 3. Let propertyNameReference be ? Evaluation of Expression.
        // 4. Let propertyNameValue be ? GetValue(propertyNameReference).
        MemberProp::Computed(e) => ReferenceName::Value(evaluate_expression(agent, e)?),
        MemberProp::Private(_) => unreachable!("super.#x is a SyntaxError"),
    };
    let strict = is_strict(agent);
    // 5. (6.) Return MakeSuperPropertyReference(actualThis, propertyKey, strict).
    make_super_property_reference(agent, actual_this, name, strict)
}

/// MakeSuperPropertyReference ( actualThis, propertyKey, strict ) (13.3.7.3).
fn make_super_property_reference<'a>(
    agent: &mut Agent,
    actual_this: Value,
    property_key: ReferenceName<'a>,
    strict: bool,
) -> JsResult<Reference<'a>> {
    // 1. Let env be GetThisEnvironment().
    crate::step!("sec-makesuperpropertyreference", "1");
    let env = get_this_environment(agent);
    // 2. Assert: env.HasSuperBinding() is true.
    crate::spec_assert!(
        "sec-makesuperpropertyreference",
        "2",
        by: "super.x is an early error outside a method, and GetThisBinding succeeded"
    );
    // 3. Assert: env is a Function Environment Record.
    crate::spec_assert!(
        "sec-makesuperpropertyreference",
        "3",
        env.function_fields().is_some()
    );
    // 4. Let baseValue be GetSuperBase(env).
    crate::step!("sec-makesuperpropertyreference", "4");
    let base_value = get_super_base(agent, &env)?;
    // 5. Return the Reference Record { [[Base]]: baseValue, [[ReferencedName]]:
    //    propertyKey, [[Strict]]: strict, [[ThisValue]]: actualThis }.
    crate::step!("sec-makesuperpropertyreference", "5");
    Ok(Reference {
        base: ReferenceBase::Value(base_value),
        name: property_key,
        strict,
        this_value: Some(actual_this),
    })
}

/// The Reference Record of a simple assignment target (an identifier or a property access,
/// possibly parenthesized).
pub fn evaluate_reference<'a>(agent: &mut Agent, expr: &'a Expr) -> JsResult<Reference<'a>> {
    match evaluate_chain(agent, expr)? {
        Evaluated::Ref(r) => Ok(r),
        _ => Err(agent.reference_error("invalid assignment target")),
    }
}

/// The reference of an assignment target pattern that is an identifier or an expression.
pub fn target_reference<'a>(agent: &mut Agent, target: &'a Pattern) -> JsResult<Reference<'a>> {
    match target {
        Pattern::Ident(id) => resolve_binding(agent, &id.name, None),
        Pattern::Expr(e) => evaluate_reference(agent, e),
        _ => unreachable!("a destructuring pattern is not a simple target"),
    }
}

/// IsAnonymousFunctionDefinition ( expr ) (8.4.3).
pub fn is_anonymous_function_definition(expr: &Expr) -> bool {
    match &expr.kind {
        // 1. If IsFunctionDefinition of expr is false, return false.
        // 2. Let hasName be HasName of expr. 3. If hasName is true, return false.
        // 4. Return true.
        ExprKind::Function(f) => f.id.is_none(),
        ExprKind::Arrow(_) => true,
        ExprKind::Class(c) => c.id.is_none(),
        ExprKind::Paren(inner) => is_anonymous_function_definition(inner),
        _ => false,
    }
}

/// Runtime Semantics: NamedEvaluation (8.4.5) of an anonymous function definition.
pub fn named_evaluation(agent: &mut Agent, expr: &Expr, name: FunctionName) -> JsResult<Value> {
    match &expr.kind {
        ExprKind::Function(code) => {
            instantiate_ordinary_function_expression(agent, code, Some(name)).map(Value::Object)
        }
        ExprKind::Arrow(code) => {
            instantiate_arrow_function_expression(agent, code, Some(name)).map(Value::Object)
        }
        ExprKind::Class(class) => class_definition_evaluation_named(agent, class, Some(name)),
        // ParenthesizedExpression : ( Expression ) — 1. Assert:
        // IsAnonymousFunctionDefinition(Expression) is true. 2. Return ? NamedEvaluation of
        // Expression with argument name.
        ExprKind::Paren(inner) => named_evaluation(agent, inner, name),
        _ => evaluate_expression(agent, expr),
    }
}

/// The value of `expr`, by NamedEvaluation with the identifier `name` when `expr` is an
/// anonymous function definition (the pattern of assignments, initializers and
/// declarations with a single name). A binary expression, an array literal and a call — not
/// function definitions — go to their evaluation at once (inline, so that the declaration
/// or assignment calls it without this dispatch as a call of its own); the other kinds to
/// [`evaluate_named_other`].
#[inline(always)]
pub fn evaluate_named(agent: &mut Agent, expr: &Expr, name: &Name) -> JsResult<Value> {
    match &expr.kind {
        ExprKind::Binary { op, left, right } => binary_value(agent, expr, *op, left, right),
        ExprKind::Array(elements) => array_literal(agent, elements),
        ExprKind::Call {
            callee,
            arguments,
            optional,
        } => evaluate_call_value(agent, expr, callee, arguments, *optional),
        _ => evaluate_named_other(agent, expr, name),
    }
}

/// [`evaluate_named`] of the other kinds.
#[inline(never)]
fn evaluate_named_other(agent: &mut Agent, expr: &Expr, name: &Name) -> JsResult<Value> {
    match &expr.kind {
        // (Not function definitions: the kinds `evaluate_expression` dispatches itself.)
        ExprKind::Binary { .. }
        | ExprKind::Ident(_)
        | ExprKind::Number(_)
        | ExprKind::Assign { .. }
        | ExprKind::Update { .. }
        | ExprKind::Member { .. } => evaluate_expression(agent, expr),
        // (An arrow function, an anonymous function definition, with the identifier's String
        // name, not while tracing: InstantiateArrowFunctionExpression's steps for that case,
        // without NamedEvaluation's dispatch.)
        ExprKind::Arrow(code) if !crate::trace::enabled() => {
            // (The key's String is lent where the returned key lies, not moved out of it
            // first: a copy read back right after it was written stalls.)
            let key = super::property_access::identifier_key(agent, name);
            if let PropertyKey::String(string) = &key {
                return Ok(Value::Object(
                    super::functions::instantiate_named_arrow_function(agent, code, string),
                ));
            }
            named_evaluation(agent, expr, FunctionName::Key(key))
        }
        ExprKind::Function(_) | ExprKind::Arrow(_) | ExprKind::Class(_) | ExprKind::Paren(_)
            if is_anonymous_function_definition(expr) =>
        {
            // (The identifier's key interned, found by the tree's shared name: its String is
            // not made again each time.)
            let key = super::property_access::identifier_key(agent, name);
            named_evaluation(agent, expr, FunctionName::Key(key))
        }
        // (The other kinds, not function definitions, without the first dispatch.)
        _ => evaluate_other_expression(agent, expr),
    }
}

/// 13.10.1 RelationalExpression : PrivateIdentifier in ShiftExpression.
#[inline(never)]
fn private_in(agent: &mut Agent, name: &str, right: &Expr) -> JsResult<Value> {
    // 13.10.1 RelationalExpression : PrivateIdentifier in ShiftExpression
    // 1. Let privateIdentifier be the StringValue of PrivateIdentifier.
    // 2. Let rref be ? Evaluation of ShiftExpression.
    // 3. Let rval be ? GetValue(rref).
    let rval = evaluate_expression(agent, right)?;
    // 4. If rval is not an Object, throw a TypeError exception.
    let Value::Object(rval) = rval else {
        return Err(agent.type_error("right operand of 'in' is not an object"));
    };
    // 5. Let privateEnv be the running execution context's PrivateEnvironment.
    // 6. Assert: privateEnv is not null.
    let private_env = agent
        .running_execution_context()
        .private_environment
        .clone()
        .expect("early errors guarantee a PrivateEnvironment");
    // 7. Let privateName be ResolvePrivateIdentifier(privateEnv, privateIdentifier).
    let private_name = resolve_private_identifier(&private_env, name);
    // 8. If PrivateElementFind(rval, privateName) is not ~empty~, return true.
    // 9. Return false.
    Ok(Value::Boolean(
        private_element_find(&rval, &private_name).is_some(),
    ))
}

/// 13.15.2 Runtime Semantics: Evaluation of AssignmentExpression (`offset`: where the
/// assignment starts, for the location of an error of its PutValue or operator).
#[inline(never)]
fn assignment(
    agent: &mut Agent,
    op: AssignOp,
    target: &Pattern,
    value: &Expr,
    offset: u32,
) -> JsResult<Value> {
    match op {
        // An identifier target through its place (identifiers.rs), steps 1.a-e.
        AssignOp::Assign if matches!(target, Pattern::Ident(_)) => {
            let Pattern::Ident(id) = target else {
                unreachable!("matched above")
            };
            super::identifiers::assign_to_identifier(agent, id, value, offset)
        }
        AssignOp::Assign => {
            // `object.name = value` and `object[key] = value` without the Reference Record
            // (property_access.rs), not while tracing.
            if let Pattern::Expr(e) = target {
                if let ExprKind::Member {
                    object,
                    property: property @ MemberProp::Ident(id),
                    optional: false,
                } = &e.kind
                {
                    if !crate::trace::enabled() {
                        return super::property_access::assign_to_property(
                            agent, object, property, id, value, offset,
                        );
                    }
                }
                // `object[key] = value` likewise (an array-index key without ToPropertyKey).
                if let ExprKind::Member {
                    object,
                    property: MemberProp::Computed(key),
                    optional: false,
                } = &e.kind
                {
                    if !crate::trace::enabled() {
                        return super::property_access::assign_to_element(
                            agent, object, key, value, offset,
                        );
                    }
                }
            }
            // 1. If LeftHandSideExpression is neither an ObjectLiteral nor an ArrayLiteral,
            //    then
            if let Pattern::Ident(_) | Pattern::Expr(_) = target {
                // a. Let lref be ? Evaluation of LeftHandSideExpression.
                let lref = Target::evaluate(agent, target)?;
                // b. If IsAnonymousFunctionDefinition(AssignmentExpression) and
                //    IsIdentifierRef of LeftHandSideExpression are both true, then
                //    i. Let lhs be the StringValue of LeftHandSideExpression.
                //    ii. Let rval be ? NamedEvaluation of AssignmentExpression with
                //        argument lhs.
                // c. Else, i. Let rref be ? Evaluation of AssignmentExpression.
                //    ii. Let rval be ? GetValue(rref).
                let rval = match target {
                    Pattern::Ident(id) => evaluate_named(agent, value, &id.name)?,
                    _ => evaluate_expression(agent, value)?,
                };
                // d. Perform ? PutValue(lref, rval).
                agent.current_offset = offset;
                lref.put_value(agent, rval.clone())?;
                // e. Return rval.
                return Ok(rval);
            }
            // 2. Let assignmentPattern be the AssignmentPattern that is covered by
            //    LeftHandSideExpression.
            // 3. Let rref be ? Evaluation of AssignmentExpression.
            // 4. Let rval be ? GetValue(rref).
            let rval = evaluate_expression(agent, value)?;
            // 5. Perform ? DestructuringAssignmentEvaluation of assignmentPattern with
            //    argument rval.
            destructuring_assignment_evaluation(agent, target, rval.clone())?;
            // 6. Return rval.
            Ok(rval)
        }
        AssignOp::Compound(binary) => {
            // (Untraced: an identifier with a binding slot, identifiers.rs.)
            if let Pattern::Ident(id) = target {
                if let Some(r) =
                    super::identifiers::compound_assign_to_slot(agent, id, binary, value, offset)
                {
                    return r;
                }
            }
            // 1. Let lref be ? Evaluation of LeftHandSideExpression.
            let mut lref = Target::evaluate(agent, target)?;
            // 2. Let lval be ? GetValue(lref).
            let lval = lref.get_value(agent)?;
            // 3. Let rref be ? Evaluation of AssignmentExpression.
            // 4. Let rval be ? GetValue(rref).
            let rval = evaluate_expression(agent, value)?;
            // 5. Let assignmentOpText be the source text matched by AssignmentOperator.
            // 6. Let opText be the sequence of Unicode code points associated with
            //    assignmentOpText in the following table.
            // 7. Let r be ? ApplyStringOrNumericBinaryOperator(lval, opText, rval).
            agent.current_offset = offset;
            let r = operators::apply_string_or_numeric_binary_operator(agent, lval, binary, rval)?;
            // 8. Perform ? PutValue(lref, r).
            lref.put_value(agent, r.clone())?;
            // 9. Return r.
            Ok(r)
        }
        AssignOp::Logical(logical) => {
            // 1. Let lref be ? Evaluation of LeftHandSideExpression.
            let mut lref = Target::evaluate(agent, target)?;
            // 2. Let lval be ? GetValue(lref).
            let lval = lref.get_value(agent)?;
            // &&=: 3. Let lbool be ToBoolean(lval). 4. If lbool is false, return lval.
            // ||=: 3. Let lbool be ToBoolean(lval). 4. If lbool is true, return lval.
            // ??=: 3. If lval is neither undefined nor null, return lval.
            let short_circuit = match logical {
                LogicalOp::And => !to_boolean(&lval),
                LogicalOp::Or => to_boolean(&lval),
                LogicalOp::Coalesce => !lval.is_nullish(),
            };
            if short_circuit {
                return Ok(lval);
            }
            // 5. If IsAnonymousFunctionDefinition(AssignmentExpression) is true and
            //    IsIdentifierRef of LeftHandSideExpression is true, then
            //    a. Let lhs be the StringValue of LeftHandSideExpression.
            //    b. Let rval be ? NamedEvaluation of AssignmentExpression with argument lhs.
            // 6. Else, a. Let rref be ? Evaluation of AssignmentExpression.
            //    b. Let rval be ? GetValue(rref).
            let rval = match target {
                Pattern::Ident(id) => evaluate_named(agent, value, &id.name)?,
                _ => evaluate_expression(agent, value)?,
            };
            // 7. Perform ? PutValue(lref, rval).
            agent.current_offset = offset;
            lref.put_value(agent, rval.clone())?;
            // 8. Return rval.
            Ok(rval)
        }
    }
}

/// 13.4 Update Expressions (postfix and prefix `++` / `--`); `offset` is where the
/// expression starts, for error locations.
#[inline(never)]
fn update_expression(
    agent: &mut Agent,
    op: UpdateOp,
    prefix: bool,
    target: &Pattern,
    offset: u32,
) -> JsResult<Value> {
    let delta = if op == UpdateOp::Increment { 1 } else { -1 };
    // 1. Let lhs be ? Evaluation of LeftHandSideExpression / UnaryExpression.
    let mut lhs = Target::evaluate(agent, target)?;
    // 2. Let oldValue be ? ToNumeric(? GetValue(lhs)).
    let old = lhs.get_value(agent)?;
    agent.current_offset = offset;
    let old_value = match old {
        // (ToNumeric of a Number is the Number.)
        Value::Number(n) => Numeric::Number(n),
        old => to_numeric(agent, &old)?,
    };
    // 3. If oldValue is a Number, then a. Let newValue be Number::add(oldValue, 1𝔽)
    //    (Number::subtract for --).
    // 4. Else, a. Assert: oldValue is a BigInt. b. Let newValue be BigInt::add(oldValue,
    //    1ℤ) (BigInt::subtract for --).
    let (old_value, new_value) = match old_value {
        Numeric::Number(n) => (Value::Number(n), Value::Number(n + f64::from(delta))),
        Numeric::BigInt(b) => (
            Value::BigInt(b.clone()),
            Value::BigInt(JsBigInt::checked(
                agent,
                b.value() + num_bigint::BigInt::from(delta),
            )?),
        ),
    };
    // 5. Perform ? PutValue(lhs, newValue).
    lhs.put_value(agent, new_value.clone())?;
    // Postfix: 6. Return oldValue. Prefix: 6. Return newValue.
    Ok(if prefix { new_value } else { old_value })
}
