//! 13.3.2 Property Accessors with an IdentifierName (`object.name`): reading one and
//! assigning to one (13.15.2 step 1 for such a target) without the Reference Record, for an
//! Object base (docs/ARCHITECTURE.md, "Cheaper common paths"), and the property key of an
//! IdentifierName; reading and assigning to `object[expression]` with an array-index key
//! the same way.

use super::expressions::{
    evaluate_expression, is_strict, member_base_value, number_or_global_binary_expression,
    number_or_global_operand, property_reference,
};
use crate::spec::agents::Agent;
use crate::spec::completion_record::JsResult;
use crate::spec::object_type::{NameKeyTable, NAME_KEYS};
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::ordinary_object_internal_methods::{
    ordinary_own_data_value, ordinary_own_element_number, ordinary_own_number,
    ordinary_set_own_number, ordinary_set_own_writable,
};
use crate::spec::reference_record::{
    get_value, put_value, Reference, ReferenceBase, ReferenceName,
};
use crate::spec::value::Value;
use crate::syntax::ast::{Expr, ExprKind, Ident, MemberProp, Name};
use std::cell::RefCell;

/// The StringValue of an IdentifierName as a property key: `PropertyKey::from_identifier`
/// (interned per thread), found by the name's address among the agent's recently used
/// names first (an identifier of the tree keeps one shared name, so the same address is
/// the same name), without hashing its text.
#[inline]
pub fn identifier_key(agent: &Agent, name: &Name) -> PropertyKey {
    with_identifier_key(agent, name, PropertyKey::clone)
}

/// `f` of [`identifier_key`]'s key, borrowed where the table keeps it (no count of the
/// key's String taken and released). `f` may use the table too: while it runs, a name
/// missing from the table is not added (its key is made, as the table would make it).
#[inline(always)]
pub fn with_identifier_key<R>(agent: &Agent, name: &Name, f: impl FnOnce(&PropertyKey) -> R) -> R {
    let address = name.as_str().as_ptr() as usize;
    let index = (address >> 4) % NAME_KEYS;
    let cache = &agent.name_keys.0;
    if let Ok(kept) = cache.try_borrow() {
        if let Some(Some((kept, key))) = kept.get(index) {
            if std::ptr::eq(kept.as_str(), name.as_str()) {
                return f(key);
            }
        }
    }
    with_new_identifier_key(cache, index, name, f)
}

/// [`with_identifier_key`] of a name the table does not have at hand.
#[inline(never)]
fn with_new_identifier_key<R>(
    cache: &RefCell<NameKeyTable>,
    index: usize,
    name: &Name,
    f: impl FnOnce(&PropertyKey) -> R,
) -> R {
    let key = PropertyKey::from_identifier(name);
    if let Ok(mut cache) = cache.try_borrow_mut() {
        if let Some(entry) = cache.get_mut(index) {
            *entry = Some((name.clone(), key.clone()));
        }
    }
    f(&key)
}

/// `baseValue.[[Get]](key, baseValue)` for an Object base (GetValue, 6.2.5.5 step 3, of
/// the property reference `object.name`): an own data property of an object whose
/// [[Get]] and [[GetOwnProperty]] are the ordinary ones is read at once, not while tracing
/// (OrdinaryGet 10.1.8.1 steps 1 and 3: OrdinaryGetOwnProperty finds it, and a data
/// property's [[Value]] is the result).
#[inline(always)]
pub fn get_named(
    agent: &mut Agent,
    o: &Object,
    key: &PropertyKey,
    base: &Value,
) -> JsResult<Value> {
    if !crate::trace::enabled() {
        if let Some(value) = ordinary_own_data_value(o, key) {
            return Ok(value);
        }
    }
    o.get(agent, key, base)
}

/// [`get_named`] with the key of the IdentifierName `id`, borrowed for the own data
/// property read (`with_identifier_key`). (Out of line: `evaluate_expression`, where it is
/// used, stays small — inlined, it cost the calls loop 19 instructions per iteration.)
#[inline(never)]
pub fn get_identifier_named(
    agent: &mut Agent,
    o: &Object,
    id: &Ident,
    base: &Value,
) -> JsResult<Value> {
    if !crate::trace::enabled() {
        if let Some(value) =
            with_identifier_key(agent, &id.name, |key| ordinary_own_data_value(o, key))
        {
            return Ok(value);
        }
    }
    let key = identifier_key(agent, &id.name);
    o.get(agent, &key, base)
}

/// `object.name = value` (13.15.2 AssignmentExpression evaluation, step 1, for a
/// MemberExpression . IdentifierName target), not while tracing: a. lref is the Reference
/// Record { [[Base]]: baseValue, [[ReferencedName]]: name, [[Strict]]: strict,
/// [[ThisValue]]: ~empty~ } (13.3.2.1 steps 1-4, EvaluatePropertyAccessWithIdentifierKey),
/// c. rval is the value of `value` (NamedEvaluation applies to identifier targets only),
/// d. PutValue(lref, rval) for an Object base is steps 3.a (ToObject of an Object is the
/// Object), 3.c-e: baseObj.[[Set]](name, rval, baseValue) (GetThisValue is the base), a
/// TypeError when that is false in strict code; e. rval. Any other base takes PutValue
/// with the Reference Record. `offset`: where the assignment starts (the location of
/// PutValue's errors). A Number written over a Number property of an object in a binding
/// slot goes at once (`assign_number_to_slot_property`).
#[inline(never)]
pub fn assign_to_property(
    agent: &mut Agent,
    object: &Expr,
    property: &MemberProp,
    id: &Ident,
    value: &Expr,
    offset: u32,
) -> JsResult<Value> {
    if let Some(rval) = assign_number_to_slot_property(agent, object, id, value) {
        agent.current_offset = offset;
        return Ok(rval);
    }
    // a. Let lref be ? Evaluation of LeftHandSideExpression: 1. baseReference, 2.
    //    baseValue (an optional chain cannot be an assignment target, as in
    //    `evaluate_reference`).
    let Some(base_value) = member_base_value(agent, object)? else {
        return Err(agent.reference_error("invalid assignment target"));
    };
    // (Error locations: the reference's GetValue or PutValue fails at the name.)
    agent.current_offset = id.span.start;
    // c. i. Let rref be ? Evaluation of AssignmentExpression. ii. Let rval be ?
    //    GetValue(rref).
    let rval = evaluate_expression(agent, value)?;
    // d. Perform ? PutValue(lref, rval).
    agent.current_offset = offset;
    let copy = rval.copied();
    match &base_value {
        Value::Object(o) => {
            // 3.d Let succeeded be ? baseObj.[[Set]](V.[[ReferencedName]], W,
            //     GetThisValue(V)) (at once for an own writable data property of an
            //     ordinary object, `ordinary_set_own_writable`, with the key borrowed).
            let written = with_identifier_key(agent, &id.name, |key| {
                ordinary_set_own_writable(o, key, copy).map_err(|copy| (copy, key.clone()))
            });
            let (copy, key) = match written {
                Ok(()) => return Ok(rval),
                Err(both) => both,
            };
            let succeeded = o.set(agent, &key, copy, &base_value)?;
            // 3.e If succeeded is false and V.[[Strict]] is true, throw a TypeError
            //     exception.
            if !succeeded && is_strict(agent) {
                return Err(
                    agent.type_error(&format!("cannot assign to read only property '{key}'"))
                );
            }
        }
        _ => {
            let reference = property_reference(agent, base_value, property)?;
            put_value(agent, &reference, copy)?;
        }
    }
    // e. Return rval.
    Ok(rval)
}

/// `object.name = value` (13.15.2 AssignmentExpression evaluation, step 1) when `object`
/// is an identifier whose binding slot holds an initialized binding with an ordinary
/// object (every internal method the ordinary one) that has an own writable data property
/// `name` holding a Number, and `value` is a Number operand or a binary expression of
/// Number operands (`number_or_global_binary_expression`) giving a Number, not while
/// tracing: a. lref's evaluation (13.3.2.1 steps 1-4: GetBindingValue of the slot,
/// EvaluatePropertyAccessWithIdentifierKey) and c. rval's have no effect, so they may go
/// in either order; d. PutValue(lref, rval) is then steps 3.a (ToObject of an Object is
/// the Object) and 3.d: baseObj.[[Set]](name, rval, baseValue), OrdinarySet, which only
/// replaces the [[Value]] and returns true (as in `ordinary_set_own_writable`); e. rval.
/// `None`, with nothing changed, for anything else (the caller takes the steps, which
/// evaluate the right side again: it had no effect).
#[inline(always)]
fn assign_number_to_slot_property(
    agent: &mut Agent,
    object: &Expr,
    id: &Ident,
    value: &Expr,
) -> Option<Value> {
    let ExprKind::Ident(base) = &object.kind else {
        return None;
    };
    if crate::trace::enabled() {
        return None;
    }
    let n = match &value.kind {
        ExprKind::Binary { .. } => match number_or_global_binary_expression(agent, value)? {
            Value::Number(n) => n,
            _ => return None,
        },
        _ => number_or_global_operand(agent, value)?,
    };
    super::identifiers::with_slot_value_untraced(agent, base, |base_value| match base_value {
        Value::Object(o) => {
            with_identifier_key(agent, &id.name, |key| ordinary_set_own_number(o, key, n))
        }
        _ => None,
    })?;
    Some(Value::Number(n))
}

/// `object[expression] = value` (13.15.2 AssignmentExpression evaluation, step 1, for a
/// MemberExpression [ Expression ] target), not while tracing (ToPropertyKey and PutValue
/// have markers): a. lref is the Reference Record { [[Base]]: baseValue,
/// [[ReferencedName]]: propertyNameValue, [[Strict]]: strict, [[ThisValue]]: ~empty~ }
/// (13.3.2.1 steps 1-4 and EvaluatePropertyAccessWithExpressionKey 13.3.3 steps 1-4), c.
/// rval is the value of `value`, d. PutValue(lref, rval). When baseValue is an Object and
/// propertyNameValue a Number whose ToString is an array index (an integral Number from
/// +0 to 2^32 - 2, or -0), PutValue's steps 3.a (ToObject of an Object is the Object) and
/// 3.c (ToPropertyKey of such a Number: ToPrimitive returns it, ToString is the canonical
/// numeric String, that array index; no code runs) give the key at once, then 3.d-e:
/// baseObj.[[Set]](key, rval, baseValue) (GetThisValue is the base) and a TypeError when
/// that is false in strict code. Anything else takes PutValue with the Reference Record,
/// as `property_reference` makes it. `offset`: where the assignment starts.
#[inline(never)]
pub fn assign_to_element(
    agent: &mut Agent,
    object: &Expr,
    key: &Expr,
    value: &Expr,
    offset: u32,
) -> JsResult<Value> {
    // a. Let lref be ? Evaluation of LeftHandSideExpression: 1. baseReference, 2.
    //    baseValue (an optional chain cannot be an assignment target, as in
    //    `evaluate_reference`).
    let Some(base_value) = member_base_value(agent, object)? else {
        return Err(agent.reference_error("invalid assignment target"));
    };
    // 3. strict; 4. EvaluatePropertyAccessWithExpressionKey: 1. propertyNameReference, 2.
    //    propertyNameValue.
    let strict = is_strict(agent);
    let property_name_value = evaluate_expression(agent, key)?;
    // (Error locations: the reference's GetValue or PutValue fails at the key.)
    agent.current_offset = key.span.start;
    // c. i. Let rref be ? Evaluation of AssignmentExpression. ii. Let rval be ?
    //    GetValue(rref).
    let rval = evaluate_expression(agent, value)?;
    // d. Perform ? PutValue(lref, rval).
    agent.current_offset = offset;
    let copy = rval.copied();
    match (&base_value, array_index_key(&property_name_value)) {
        (Value::Object(o), Some(key)) => {
            // 3.c.i Set V.[[ReferencedName]] to ? ToPropertyKey(V.[[ReferencedName]]).
            // 3.d Let succeeded be ? baseObj.[[Set]](V.[[ReferencedName]], W,
            //     GetThisValue(V)).
            let succeeded = o.set(agent, &key, copy, &base_value)?;
            // 3.e If succeeded is false and V.[[Strict]] is true, throw a TypeError
            //     exception.
            if !succeeded && strict {
                return Err(
                    agent.type_error(&format!("cannot assign to read only property '{key}'"))
                );
            }
        }
        _ => {
            let reference = Reference {
                base: ReferenceBase::Value(base_value),
                name: ReferenceName::of_property_name_value(property_name_value),
                strict,
                this_value: None,
            };
            put_value(agent, &reference, copy)?;
        }
    }
    // e. Return rval.
    Ok(rval)
}

/// `object[key]` read (13.3.2.1 MemberExpression : MemberExpression [ Expression ], then
/// GetValue 6.2.5.5), not while tracing: 1-2. baseValue; 4. EvaluatePropertyAccessWith-
/// ExpressionKey 1-2: propertyNameValue; then, for an Object base and a propertyNameValue
/// that is a Number whose ToString is an array index (an integral Number from +0 to
/// 2^32 - 2, or -0), GetValue's steps 3.a (ToObject of an Object is the Object) and 3.c
/// (ToPropertyKey of such a Number runs no code and gives that array index) give the key at
/// once, and 3.d is baseObj.[[Get]](key, baseValue) (GetThisValue is the base), as in
/// [`get_named`]. Anything else takes GetValue with the Reference Record, as
/// `property_reference` makes it.
pub fn get_element(agent: &mut Agent, object: &Expr, key: &Expr) -> JsResult<Value> {
    // 1. Let baseReference be ? Evaluation of MemberExpression. 2. Let baseValue be ?
    //    GetValue(baseReference). (An optional chain inside that short-circuits gives
    //    undefined, as for `object.name` in `evaluate_expression`.)
    let Some(base_value) = member_base_value(agent, object)? else {
        return Ok(Value::Undefined);
    };
    // 3. strict. 4. EvaluatePropertyAccessWithExpressionKey: 1. propertyNameReference,
    //    2. propertyNameValue.
    let property_name_value = evaluate_expression(agent, key)?;
    // (Error locations: the reference's GetValue fails at the key.)
    agent.current_offset = key.span.start;
    match (&base_value, array_index_key(&property_name_value)) {
        (Value::Object(o), Some(key)) => get_named(agent, o, &key, &base_value),
        _ => {
            let reference = Reference {
                base: ReferenceBase::Value(base_value),
                name: ReferenceName::of_property_name_value(property_name_value),
                strict: is_strict(agent),
                this_value: None,
            };
            get_value(agent, &reference)
        }
    }
}

/// The Number `object.name` evaluates to (13.3.2.1 and GetValue) when `object` is an
/// identifier whose binding slot holds an initialized binding with an object whose
/// [[Get]] and [[GetOwnProperty]] are the ordinary ones, and that object has an own data
/// property `name` holding a Number: evaluating the identifier and the property access
/// has no effect (GetBindingValue, EvaluatePropertyAccessWithIdentifierKey, then GetValue
/// step 3: [[Get]] as in [`get_named`]). `None` for anything else. Only while tracing is
/// off.
#[inline(never)]
pub fn member_number_untraced(agent: &Agent, object: &Expr, id: &Ident) -> Option<f64> {
    let crate::syntax::ast::ExprKind::Ident(base) = &object.kind else {
        return None;
    };
    super::identifiers::with_slot_value_untraced(agent, base, |value| match value {
        Value::Object(o) => with_identifier_key(agent, &id.name, |key| ordinary_own_number(o, key)),
        _ => None,
    })
}

/// The Number `object[key]` evaluates to (13.3.2.1 MemberExpression [ Expression ] and
/// GetValue) when `object` is an identifier whose binding slot holds an initialized
/// binding with an object whose [[Get]] and [[GetOwnProperty]] are the ordinary ones,
/// `key` is a Number literal, an identifier whose binding slot holds a Number, or a binary
/// expression of two such operands (`operators::number_arithmetic`) whose value is a Number
/// whose ToString is an array index, and that object has an own data property (an element)
/// of that index holding a Number: evaluating the identifier, the key and the property
/// access has no effect (GetBindingValue; ToPropertyKey of such a Number runs no code, as
/// in [`get_element`]; [[Get]] as in [`get_named`]). `None` for anything else. Only while
/// tracing is off.
#[inline(never)]
pub fn element_number_untraced(agent: &Agent, object: &Expr, key: &Expr) -> Option<f64> {
    let ExprKind::Ident(base) = &object.kind else {
        return None;
    };
    let slot_number = |e: &Expr| match &e.kind {
        ExprKind::Number(n) => Some(*n),
        ExprKind::Ident(id) => super::identifiers::identifier_number_untraced(agent, id),
        _ => None,
    };
    let key = match &key.kind {
        ExprKind::Binary { op, left, right } => {
            let (a, b) = (slot_number(left)?, slot_number(right)?);
            super::operators::number_arithmetic(*op, a, b)?
        }
        _ => slot_number(key)?,
    };
    let index = PropertyKey::array_index_number(key)?;
    super::identifiers::with_slot_value_untraced(agent, base, |value| match value {
        Value::Object(o) => ordinary_own_element_number(o, index),
        _ => None,
    })
}

/// The array-index key of a propertyNameValue that is a Number whose ToString is an array
/// index ([`PropertyKey::array_index_of_number`]), or `None`.
fn array_index_key(property_name_value: &Value) -> Option<PropertyKey> {
    match property_name_value {
        Value::Number(n) => PropertyKey::array_index_of_number(*n),
        _ => None,
    }
}
