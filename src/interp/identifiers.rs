//! 13.1.3 IdentifierReference evaluation through identifier places (docs/ARCHITECTURE.md,
//! "Identifier places"): ResolveBinding (9.4.2) with GetValue, PutValue and
//! InitializeReferencedBinding for identifiers whose binding place `syntax::slot_caches`
//! lets them keep.
//!
//! For an eligible identifier the environment chain from the running LexicalEnvironment to
//! its binding has the same shape at every evaluation, so the first resolution (by name, as
//! the spec walks) records how many [[OuterEnv]] links out the binding's record is and the
//! binding's position there; later evaluations go straight to it. Every access checks the
//! binding's name and state and falls back to the name-based path, which raises the errors.
//! A name bound only in the global record's object part (or nowhere) is looked up by name
//! from the global record on, skipping the declarative records that cannot have it. With
//! `--trace` on, everything takes the name-based path so that ResolveBinding's steps are
//! reported as before.

use super::expressions::{evaluate_named, is_strict, resolve_binding};
use crate::spec::agents::Agent;
use crate::spec::completion_record::JsResult;
use crate::spec::environment_records::{find_identifier_value, get_identifier_reference, Env};
use crate::spec::execution_contexts::resolve_binding_steps;
use crate::spec::reference_record::{
    get_value, get_value_and_keep_key, initialize_referenced_binding, put_value, Reference,
    ReferenceBase, ReferenceName,
};
use crate::spec::value::Value;
use crate::syntax::ast::{Expr, ExprKind, Ident, Pattern, Place};

/// The running execution context's LexicalEnvironment, borrowed.
#[inline(always)]
fn running_lexical_environment(agent: &Agent) -> &Env {
    agent
        .running_execution_context()
        .lexical_environment
        .as_ref()
        .expect("ECMAScript code runs with a LexicalEnvironment")
}

/// The identifier's place, or `Unresolved` / `Ineligible` when it must go by name (always
/// while tracing).
#[inline(always)]
fn place(id: &Ident) -> Place {
    if crate::trace::enabled() {
        return Place::Ineligible;
    }
    id.place.get()
}

/// Records where the name-based resolution from `start` found the binding (`found`, or
/// `None` when unresolvable), for an identifier not resolved yet.
fn remember(id: &Ident, start: &Env, found: Option<&Env>) {
    if id.place.get() == Place::Unresolved {
        id.place.set(start.place_of(found, &id.name));
    }
}

/// IdentifierReference evaluation followed by GetValue: `(base, value)`, where base is the
/// Environment Record of the binding (the [[Base]] of the Reference Record).
pub fn identifier_value_and_base(agent: &mut Agent, id: &Ident) -> JsResult<(Env, Value)> {
    // A ReferenceError is reported at the identifier.
    agent.current_offset = id.span.start;
    match place(id) {
        Place::Slot { hops, slot } => {
            let env = running_lexical_environment(agent);
            if let Some(value) = env.slot_value(hops, slot, id) {
                if let Some(base) = env.env_at(hops) {
                    return Ok((base, value));
                }
            }
        }
        Place::Global { hops } => {
            if let Some(global) = running_lexical_environment(agent).env_at(hops) {
                if let Some((version, index)) = id.place.global_property() {
                    if let Some(value) = global.global_property_value(version, index, &id.name) {
                        return Ok((global, value));
                    }
                }
                let strict = is_strict(agent);
                let result = find_identifier_value(agent, global.clone(), &id.name, strict);
                remember_global_property(id, &global);
                return result;
            }
        }
        Place::Unresolved => {
            let (env, strict) = resolve_binding_steps(agent, None);
            let result = find_identifier_value(agent, env.clone(), &id.name, strict);
            if let Ok((base, _)) = &result {
                remember(id, &env, Some(base));
            }
            return result;
        }
        Place::Ineligible => {}
    }
    let (env, strict) = resolve_binding_steps(agent, None);
    find_identifier_value(agent, env, &id.name, strict)
}

/// IdentifierReference evaluation followed by GetValue (ResolveBinding and GetValue fused:
/// for a declarative record HasBinding and GetBindingValue only read the record).
#[inline(always)]
pub fn identifier_value(agent: &mut Agent, id: &Ident) -> JsResult<Value> {
    // A ReferenceError is reported at the identifier.
    agent.current_offset = id.span.start;
    if let Place::Slot { hops, slot } = place(id) {
        if let Some(value) = running_lexical_environment(agent).slot_value(hops, slot, id) {
            return Ok(value);
        }
    }
    identifier_value_other(agent, id)
}

/// [`identifier_value`] of an identifier without a usable binding slot (out of line: the
/// slot case is the one worth inlining).
#[inline(never)]
fn identifier_value_other(agent: &mut Agent, id: &Ident) -> JsResult<Value> {
    if let Place::Global { hops } = place(id) {
        if let Some(value) = global_property_value(agent, id, hops) {
            return Ok(value);
        }
    }
    identifier_value_and_base(agent, id).map(|(_, value)| value)
}

/// [`identifier_or_global_number_untraced`] with the running LexicalEnvironment given
/// (`env`, which the caller holds while it is the running one: the loop fast paths of
/// iteration.rs).
#[inline(always)]
pub fn slot_number_in(env: &Env, id: &Ident) -> Option<f64> {
    match id.place.get() {
        Place::Slot { hops, slot } => env.slot_number(hops, slot, id),
        Place::Global { hops } => global_number_in(env, id, hops),
        _ => None,
    }
}

/// [`slot_number_in`] of an identifier with a [`Place::Global`]: the Number of the global
/// object property it keeps, if it is still there and holds one
/// (`Env::global_property_number`, as [`identifier_or_global_number_untraced`]).
#[inline(never)]
fn global_number_in(env: &Env, id: &Ident, hops: u32) -> Option<f64> {
    let (version, index) = id.place.global_property()?;
    env.env_ref_at(hops)?
        .global_property_number(version, index, &id.name)
}

/// `x = a op b` (13.15.2 steps 1.a-e) for an identifier `x` with a binding slot holding an
/// initialized mutable binding with a Number (or a global place, below), and a right side
/// of two Number operands giving a Number (`expressions::number_arithmetic_in`), with the running
/// LexicalEnvironment given (`env`, as [`slot_number_in`]): a. ResolveBinding is the slot
/// (running no code), b-c. rval, d. PutValue's SetMutableBinding (9.1.1.1.5 step 4)
/// replaces the Number in place, e. rval. `None`, with nothing done, for anything else.
/// Not while tracing (the caller checks).
#[inline(always)]
pub fn assign_number_in(env: &Env, id: &Ident, rhs: &Expr) -> Option<f64> {
    match id.place.get() {
        Place::Slot { hops, slot } => {
            let n = super::expressions::number_arithmetic_in(env, rhs)?;
            env.set_slot_number(hops, slot, id, n).then_some(n)
        }
        Place::Global { hops } => assign_global_number_in(env, id, hops, rhs),
        _ => None,
    }
}

/// [`assign_number_in`] of an identifier with a [`Place::Global`] (as
/// `assign_to_identifier_other`): b-c. rval first (evaluating the right side runs no code
/// and changes nothing, so ResolveBinding and PutValue then follow each other with nothing
/// in between), then, when the global object property the identifier keeps is still a
/// writable data property, a. HasBinding is true and d. SetMutableBinding replaces its
/// value (`Env::set_global_property`). `None`, with nothing done, for anything else.
#[inline(never)]
fn assign_global_number_in(env: &Env, id: &Ident, hops: u32, rhs: &Expr) -> Option<f64> {
    let n = super::expressions::number_arithmetic_in(env, rhs)?;
    let (version, index) = id.place.global_property()?;
    env.env_ref_at(hops)?
        .set_global_property(version, index, &id.name, Value::Number(n))
        .ok()?;
    Some(n)
}

/// [`update_number_in_slot`] with the running LexicalEnvironment given (`env`, as
/// [`slot_number_in`]), for a binding slot only: `false`, with nothing done, for anything
/// else. Not while tracing (the caller checks).
#[inline(always)]
pub fn update_slot_number_in(env: &Env, id: &Ident, delta: f64) -> bool {
    if let Place::Slot { hops, slot } = id.place.get() {
        return env.update_slot_number(hops, slot, id, delta).is_some();
    }
    false
}

/// IdentifierReference evaluation followed by GetValue when the identifier's binding slot
/// holds a Number (the value; `None`, with nothing reported, for anything else, which the
/// general steps then evaluate). For a caller that has checked that tracing is off.
#[inline(always)]
pub fn identifier_number_untraced(agent: &Agent, id: &Ident) -> Option<f64> {
    debug_assert!(!crate::trace::enabled());
    if let Place::Slot { hops, slot } = id.place.get() {
        return running_lexical_environment(agent).slot_number(hops, slot, id);
    }
    None
}

/// `f` of the value of the initialized binding the identifier's binding slot holds
/// (IdentifierReference evaluation and GetValue, which have no effect then); `None` for an
/// identifier without one. For a caller that has checked that tracing is off.
#[inline]
pub fn with_slot_value_untraced<R>(
    agent: &Agent,
    id: &Ident,
    f: impl FnOnce(&Value) -> Option<R>,
) -> Option<R> {
    debug_assert!(!crate::trace::enabled());
    let Place::Slot { hops, slot } = id.place.get() else {
        return None;
    };
    running_lexical_environment(agent).with_slot_value(hops, slot, id, f)
}

/// [`identifier_number_untraced`], and for an identifier with a [`Place::Global`] the
/// Number of the global object property it keeps, if it is still there and holds one
/// (`Env::global_property_number`).
#[inline]
pub fn identifier_or_global_number_untraced(agent: &Agent, id: &Ident) -> Option<f64> {
    debug_assert!(!crate::trace::enabled());
    slot_number_in(running_lexical_environment(agent), id)
}

/// `x++`, `x--`, `++x`, `--x` of an identifier whose binding slot holds a Number in an
/// initialized mutable binding (`Env::update_slot_number`): (oldValue, newValue), or `None`
/// for the general steps.
#[inline(always)]
pub fn update_number_in_slot(agent: &mut Agent, id: &Ident, delta: f64) -> Option<(f64, f64)> {
    if let Place::Slot { hops, slot } = place(id) {
        let old = running_lexical_environment(agent).update_slot_number(hops, slot, id, delta)?;
        return Some((old, old + delta));
    }
    update_global_number(agent, id, delta)
}

/// [`update_number_in_slot`] of an identifier with a [`Place::Global`] whose global object
/// property (own, writable, data) holds a Number (`Env::update_global_number`; out of
/// line: the slot case is the one worth inlining).
#[inline(never)]
fn update_global_number(agent: &mut Agent, id: &Ident, delta: f64) -> Option<(f64, f64)> {
    let Place::Global { hops } = place(id) else {
        return None;
    };
    let (version, index) = id.place.global_property()?;
    let old = running_lexical_environment(agent)
        .env_ref_at(hops)?
        .update_global_number(version, index, &id.name, delta)?;
    Some((old, old + delta))
}

/// IdentifierReference evaluation followed by GetValue when the identifier keeps its
/// binding's place and the binding is there: the value (`None`, with nothing done, for
/// anything else). The binding's record is then a declarative, function, module or global
/// record, whose WithBaseObject() is undefined (9.1.1.1.10, 9.1.1.4.10). For a caller that
/// has checked that tracing is off.
#[inline(always)]
pub fn identifier_value_at_place(agent: &Agent, id: &Ident) -> Option<Value> {
    debug_assert!(!crate::trace::enabled());
    match id.place.get() {
        Place::Slot { hops, slot } => running_lexical_environment(agent).slot_value(hops, slot, id),
        Place::Global { hops } => global_property_value(agent, id, hops),
        _ => None,
    }
}

/// The value of the global object property an identifier with a [`Place::Global`] keeps,
/// if it is still there (`Env::global_property_value`).
#[inline]
fn global_property_value(agent: &Agent, id: &Ident, hops: u32) -> Option<Value> {
    let (version, index) = id.place.global_property()?;
    running_lexical_environment(agent)
        .env_ref_at(hops)?
        .global_property_value(version, index, &id.name)
}

/// After a name-based resolution from the global record `global`: keeps where its object
/// has the name, if it has it as an own data property (`Env::global_property_place`).
fn remember_global_property(id: &Ident, global: &Env) {
    if let Some((version, index)) = global.global_property_place(&id.name) {
        id.place.set_global_property(version, index);
    }
}

/// The Reference Record of an identifier that is then read and written (assignment
/// targets, `++`/`--`): a Reference Record, or the binding's place when it has one.
pub enum IdentifierReference<'a> {
    /// The binding at position `slot` of the record `hops` links out from the running
    /// LexicalEnvironment: the Reference Record { [[Base]]: that record,
    /// [[ReferencedName]]: the name }.
    Slot {
        id: &'a Ident,
        hops: u32,
        slot: u32,
    },
    /// A binding of the Global Environment Record `hops` links out that is the global
    /// object's own data property at `index` (the record's version `version`): the
    /// Reference Record { [[Base]]: that record, [[ReferencedName]]: the name }.
    GlobalProperty {
        id: &'a Ident,
        hops: u32,
        version: u64,
        index: u32,
    },
    Reference(Reference<'a>),
}

impl<'a> IdentifierReference<'a> {
    /// ResolveBinding(StringValue of Identifier) (13.1.3).
    pub fn resolve(agent: &mut Agent, id: &'a Ident) -> JsResult<IdentifierReference<'a>> {
        match place(id) {
            Place::Slot { hops, slot } => {
                return Ok(IdentifierReference::Slot { id, hops, slot });
            }
            Place::Global { hops } => {
                if let Some((version, index)) = id.place.global_property() {
                    // (HasBinding is true while the property is there.)
                    if running_lexical_environment(agent)
                        .env_ref_at(hops)
                        .is_some_and(|global| global.has_global_property(version, index, &id.name))
                    {
                        return Ok(IdentifierReference::GlobalProperty {
                            id,
                            hops,
                            version,
                            index,
                        });
                    }
                }
                if let Some(global) = running_lexical_environment(agent).env_at(hops) {
                    let strict = is_strict(agent);
                    let reference =
                        get_identifier_reference(agent, Some(global.clone()), &id.name, strict)?;
                    remember_global_property(id, &global);
                    return Ok(IdentifierReference::Reference(reference));
                }
            }
            Place::Unresolved => {
                let start = running_lexical_environment(agent).clone();
                let reference = resolve_binding(agent, &id.name, None)?;
                let found = match &reference.base {
                    ReferenceBase::Environment(env) => Some(env),
                    _ => None,
                };
                remember(id, &start, found);
                return Ok(IdentifierReference::Reference(reference));
            }
            Place::Ineligible => {}
        }
        Ok(IdentifierReference::Reference(resolve_binding(
            agent, &id.name, None,
        )?))
    }

    /// ResolveBinding(StringValue of BindingIdentifier, env) (9.4.2 with env present): through
    /// the identifier's place when `env` is the running LexicalEnvironment, by name
    /// otherwise.
    pub fn resolve_in(
        agent: &mut Agent,
        id: &'a Ident,
        env: &Env,
    ) -> JsResult<IdentifierReference<'a>> {
        if running_lexical_environment(agent) == env {
            return IdentifierReference::resolve(agent, id);
        }
        Ok(IdentifierReference::Reference(resolve_binding(
            agent,
            &id.name,
            Some(env),
        )?))
    }

    /// The Reference Record this stands for (its base found by following the links; by
    /// name, should the chain ever be shorter).
    fn reference(&self, agent: &mut Agent) -> JsResult<Reference<'a>> {
        match self {
            IdentifierReference::Reference(reference) => Ok(reference.clone()),
            IdentifierReference::Slot { id, hops, .. }
            | IdentifierReference::GlobalProperty { id, hops, .. } => {
                match running_lexical_environment(agent).env_at(*hops) {
                    Some(base) => Ok(Reference {
                        base: ReferenceBase::Environment(base),
                        name: ReferenceName::Identifier(&id.name),
                        strict: is_strict(agent),
                        this_value: None,
                    }),
                    None => resolve_binding(agent, &id.name, None),
                }
            }
        }
    }

    /// GetValue(V) (6.2.5.5).
    pub fn get_value(&self, agent: &mut Agent) -> JsResult<Value> {
        match self {
            IdentifierReference::Slot { id, hops, slot } => {
                let env = running_lexical_environment(agent);
                if let Some(value) = env.slot_value(*hops, *slot, id) {
                    return Ok(value);
                }
            }
            IdentifierReference::GlobalProperty { id, hops, .. } => {
                if let Some(value) = global_property_value(agent, id, *hops) {
                    return Ok(value);
                }
            }
            IdentifierReference::Reference(_) => {}
        }
        let reference = self.reference(agent)?;
        get_value(agent, &reference)
    }

    /// PutValue(V, W) (6.2.5.6).
    pub fn put_value(&self, agent: &mut Agent, value: Value) -> JsResult<()> {
        let value = match self {
            IdentifierReference::Slot { id, hops, slot } => {
                match running_lexical_environment(agent).set_slot_value(*hops, *slot, id, value) {
                    Ok(()) => return Ok(()),
                    Err(value) => value,
                }
            }
            IdentifierReference::GlobalProperty {
                id,
                hops,
                version,
                index,
            } => match running_lexical_environment(agent).env_ref_at(*hops) {
                Some(global) => {
                    match global.set_global_property(*version, *index, &id.name, value) {
                        Ok(()) => return Ok(()),
                        Err(value) => value,
                    }
                }
                None => value,
            },
            IdentifierReference::Reference(reference) => return put_value(agent, reference, value),
        };
        let reference = self.reference(agent)?;
        put_value(agent, &reference, value)
    }

    /// InitializeReferencedBinding(V, W) (6.2.5.8).
    pub fn initialize_referenced_binding(&self, agent: &mut Agent, value: Value) -> JsResult<()> {
        let value = match self {
            IdentifierReference::Slot { id, hops, slot } => {
                match running_lexical_environment(agent).initialize_slot(*hops, *slot, id, value) {
                    Ok(()) => return Ok(()),
                    Err(value) => value,
                }
            }
            IdentifierReference::GlobalProperty { .. } => value,
            IdentifierReference::Reference(reference) => {
                return initialize_referenced_binding(agent, reference, value)
            }
        };
        let reference = self.reference(agent)?;
        initialize_referenced_binding(agent, &reference, value)
    }
}

/// LexicalBinding : BindingIdentifier Initializer evaluation (14.3.1.2). For an identifier
/// with a binding slot, ResolveBinding (step 2) is that slot (it runs no code, and the
/// place is taken before the Initializer runs, as the Reference Record would be), and
/// InitializeReferencedBinding (step 5) fills the slot when it holds the uninitialized
/// binding of the name (InitializeBinding, 9.1.1.1.4: records the value); anything else
/// takes the Reference Record's steps.
#[inline]
pub fn initialize_lexical_binding(agent: &mut Agent, id: &Ident, init: &Expr) -> JsResult<()> {
    // 1. Let bindingId be the StringValue of BindingIdentifier.
    // 2. Let lhs be ! ResolveBinding(bindingId).
    let Place::Slot { hops, slot } = place(id) else {
        return initialize_lexical_binding_by_reference(agent, id, init);
    };
    // 3.-4. value.
    let value = evaluate_named(agent, init, &id.name)?;
    // 5. InitializeReferencedBinding(lhs, value).
    match running_lexical_environment(agent).initialize_slot(hops, slot, id, value) {
        Ok(()) => Ok(()),
        Err(value) => initialize_slot_by_reference(agent, id, hops, slot, value),
    }
}

/// [`initialize_lexical_binding`] of an identifier without a binding slot (out of line).
#[inline(never)]
fn initialize_lexical_binding_by_reference(
    agent: &mut Agent,
    id: &Ident,
    init: &Expr,
) -> JsResult<()> {
    // 2. Let lhs be ! ResolveBinding(bindingId).
    let lhs = IdentifierReference::resolve(agent, id)?;
    // 3. If IsAnonymousFunctionDefinition(Initializer) is true, then
    //    a. Let value be ? NamedEvaluation of Initializer with argument bindingId.
    // 4. Else, a. Let rhs be ? Evaluation of Initializer. b. Let value be ?
    //    GetValue(rhs).
    let value = evaluate_named(agent, init, &id.name)?;
    // 5. Perform ! InitializeReferencedBinding(lhs, value).
    lhs.initialize_referenced_binding(agent, value)
}

/// [`initialize_lexical_binding`]'s step 5 for a slot that did not hold the uninitialized
/// binding of the name: the Reference Record's steps (out of line).
#[inline(never)]
fn initialize_slot_by_reference(
    agent: &mut Agent,
    id: &Ident,
    hops: u32,
    slot: u32,
    value: Value,
) -> JsResult<()> {
    IdentifierReference::Slot { id, hops, slot }.initialize_referenced_binding(agent, value)
}

/// `lhs = rhs` for an identifier `lhs` (13.15.2 AssignmentExpression evaluation, step 1):
/// a. lref = ResolveBinding, b-c. rval by NamedEvaluation or Evaluation and GetValue,
/// d. PutValue(lref, rval), e. the value (`offset`: where the assignment starts, the
/// location of an error of PutValue).
pub fn assign_to_identifier(
    agent: &mut Agent,
    id: &Ident,
    rhs: &Expr,
    offset: u32,
) -> JsResult<Value> {
    assign_to_identifier_inline(agent, id, rhs, offset)
}

/// [`assign_to_identifier`] with its commonest case inline (for the ExpressionStatements of
/// statement lists and loop bodies): a binding slot, a right side of two Number operands of
/// slots or literals (`expressions::number_binary_expression`) and a binding holding a
/// Number that takes the result (`Env::set_slot_number`); the other cases out of line.
#[inline(always)]
pub fn assign_to_identifier_inline(
    agent: &mut Agent,
    id: &Ident,
    rhs: &Expr,
    offset: u32,
) -> JsResult<Value> {
    if let Place::Slot { hops, slot } = place(id) {
        // a. lref is the binding `hops` links out (resolving it runs no code, and the
        //    chain is the same after the right side), b-c. rval, d. PutValue.
        if let Some(rval) = super::expressions::number_binary_expression(agent, rhs) {
            agent.current_offset = offset;
            if let Value::Number(n) = rval {
                if running_lexical_environment(agent).set_slot_number(hops, slot, id, n) {
                    // e. Return rval.
                    return Ok(rval);
                }
            }
            return put_slot_value(agent, id, hops, slot, rval);
        }
        return assign_to_slot(agent, id, hops, slot, rhs, offset);
    }
    assign_to_identifier_other(agent, id, rhs, offset)
}

/// [`assign_to_identifier`] of an identifier with a binding slot whose right side is not
/// two Number operands (b-c. rval, d. PutValue, e. rval; out of line).
#[inline(never)]
fn assign_to_slot(
    agent: &mut Agent,
    id: &Ident,
    hops: u32,
    slot: u32,
    rhs: &Expr,
    offset: u32,
) -> JsResult<Value> {
    // (A binary expression: `number_binary_expression` has given up, having evaluated
    // nothing, so its operands' evaluation starts at once.)
    let result = match &rhs.kind {
        ExprKind::Binary { op, left, right } => {
            super::expressions::binary_operands_value(agent, rhs, *op, left, right)
        }
        _ => evaluate_named(agent, rhs, &id.name),
    };
    // (A Number rval is taken out of the result as its tag and its payload, word by word,
    // and kept apart from the general case: a copy of the whole value read back right
    // after the callee wrote it stalls.)
    match result {
        Ok(Value::Number(n)) => {
            // (Forgotten: a Number holds nothing to release, and the general drop is a
            // call.)
            std::mem::forget(result);
            agent.current_offset = offset;
            if running_lexical_environment(agent).set_slot_number(hops, slot, id, n) {
                // e. Return rval.
                return Ok(Value::Number(n));
            }
            put_slot_value(agent, id, hops, slot, Value::Number(n))
        }
        Ok(rval) => {
            agent.current_offset = offset;
            put_slot_value(agent, id, hops, slot, rval)
        }
        Err(error) => Err(error),
    }
}

/// [`assign_to_identifier`]'s d. PutValue(lref, rval) and e. rval on a binding slot, for a
/// value `Env::set_slot_number` did not take (out of line).
#[inline(never)]
fn put_slot_value(
    agent: &mut Agent,
    id: &Ident,
    hops: u32,
    slot: u32,
    rval: Value,
) -> JsResult<Value> {
    let copy = rval.copied();
    if let Err(copy) = running_lexical_environment(agent).set_slot_value(hops, slot, id, copy) {
        IdentifierReference::Slot { id, hops, slot }.put_value(agent, copy)?;
    }
    // e. Return rval.
    Ok(rval)
}

/// [`assign_to_identifier`] of an identifier without a binding slot (out of line: the slot
/// case is the one worth inlining).
#[inline(never)]
fn assign_to_identifier_other(
    agent: &mut Agent,
    id: &Ident,
    rhs: &Expr,
    offset: u32,
) -> JsResult<Value> {
    // Two Number operands, of slots or global places (`number_or_global_binary_expression`,
    // as above): evaluating the right side runs no code and changes nothing, so b-c may
    // come first, and then a. ResolveBinding and d. PutValue with nothing in between: for
    // a global place still holding a writable data property, HasBinding is true and
    // SetMutableBinding replaces the value (`Env::set_global_property`).
    if let Place::Global { hops } = place(id) {
        if let Some(rval) = super::expressions::number_or_global_binary_expression(agent, rhs) {
            agent.current_offset = offset;
            let copy = match &rval {
                Value::Number(n) => Value::Number(*n),
                rval => rval.clone(),
            };
            let copy = match (
                id.place.global_property(),
                running_lexical_environment(agent).env_ref_at(hops),
            ) {
                (Some((version, index)), Some(global)) => {
                    match global.set_global_property(version, index, &id.name, copy) {
                        // e. Return rval.
                        Ok(()) => return Ok(rval),
                        Err(copy) => copy,
                    }
                }
                _ => copy,
            };
            // a. lref, d. PutValue(lref, rval), e. rval.
            let lref = IdentifierReference::resolve(agent, id)?;
            agent.current_offset = offset;
            lref.put_value(agent, copy)?;
            return Ok(rval);
        }
    }
    let lref = IdentifierReference::resolve(agent, id)?;
    let rval = evaluate_named(agent, rhs, &id.name)?;
    agent.current_offset = offset;
    let copy = rval.copied();
    lref.put_value(agent, copy)?;
    Ok(rval)
}

/// `x op= e` (13.15.2, AssignmentExpression : LeftHandSideExpression AssignmentOperator
/// AssignmentExpression) for an identifier with a binding slot, not while tracing: 1. lref
/// is the slot (ResolveBinding runs no code; docs/ARCHITECTURE.md, "Identifier places");
/// 2. lval = GetValue(lref) is the slot's value when it holds an initialized binding of the
/// name (GetBindingValue 9.1.1.1.6, 9.1.1.4.6 2.a); 3-4. rval; 7. r =
/// ApplyStringOrNumericBinaryOperator(lval, opText, rval), for two Numbers the Number::
/// operation (`operators::number_binary`); 8. PutValue(lref, r) through the slot as
/// `IdentifierReference::Slot` does it (a Number over a Number in a mutable binding
/// replaced in place; anything else, a constant included, by `put_value` and its errors);
/// 9. r. `None`, with nothing evaluated, when the identifier has no slot or the binding is
/// not an initialized one (the Reference Record's steps then raise the errors).
#[inline(never)]
pub fn compound_assign_to_slot(
    agent: &mut Agent,
    id: &Ident,
    op: crate::syntax::ast::BinaryOp,
    rhs: &Expr,
    offset: u32,
) -> Option<JsResult<Value>> {
    let Place::Slot { hops, slot } = place(id) else {
        return None;
    };
    // 1-2. lref, lval.
    let lval = running_lexical_environment(agent).slot_value(hops, slot, id)?;
    Some(compound_assign_steps(
        agent, id, hops, slot, lval, op, rhs, offset,
    ))
}

/// Steps 3-9 of [`compound_assign_to_slot`].
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn compound_assign_steps(
    agent: &mut Agent,
    id: &Ident,
    hops: u32,
    slot: u32,
    lval: Value,
    op: crate::syntax::ast::BinaryOp,
    rhs: &Expr,
    offset: u32,
) -> JsResult<Value> {
    // 3. Let rref be ? Evaluation of AssignmentExpression. 4. Let rval be ? GetValue(rref).
    // (A Number rval is taken out of the result as its tag and its payload, word by word,
    // and with a Number lval steps 7-9 are done at once when the result is a Number put
    // in the slot: a copy of the whole value read back right after it was written stalls.)
    let result = super::expressions::evaluate_expression(agent, rhs);
    let rval = match result {
        Ok(Value::Number(b)) => {
            // (Forgotten: a Number holds nothing to release, and the general drop is a
            // call.)
            std::mem::forget(result);
            if let Value::Number(a) = lval {
                agent.current_offset = offset;
                if let Some(Value::Number(n)) = super::operators::number_binary(op, a, b) {
                    if running_lexical_environment(agent).set_slot_number(hops, slot, id, n) {
                        return Ok(Value::Number(n));
                    }
                }
            }
            Value::Number(b)
        }
        Ok(value) => value,
        Err(error) => return Err(error),
    };
    // 7. Let r be ? ApplyStringOrNumericBinaryOperator(lval, opText, rval).
    agent.current_offset = offset;
    let r = match (&lval, &rval) {
        (Value::Number(a), Value::Number(b)) => match super::operators::number_binary(op, *a, *b) {
            Some(r) => r,
            None => {
                super::operators::apply_string_or_numeric_binary_operator(agent, lval, op, rval)?
            }
        },
        _ => super::operators::apply_string_or_numeric_binary_operator(agent, lval, op, rval)?,
    };
    // 8. Perform ? PutValue(lref, r).
    if let Value::Number(n) = r {
        if running_lexical_environment(agent).set_slot_number(hops, slot, id, n) {
            // 9. Return r.
            return Ok(r);
        }
    }
    IdentifierReference::Slot { id, hops, slot }.put_value(agent, r.copied())?;
    // 9. Return r.
    Ok(r)
}

/// The Reference Record of a simple assignment target (13.15.2 step 1.a, the compound and
/// logical assignments' step 1, 13.4's step 1): an identifier through its place, or any
/// other reference.
pub enum Target<'a> {
    Identifier(IdentifierReference<'a>),
    Reference(Reference<'a>),
}

impl<'a> Target<'a> {
    /// Evaluation of the LeftHandSideExpression (an identifier or a property access).
    pub fn evaluate(agent: &mut Agent, target: &'a Pattern) -> JsResult<Target<'a>> {
        match target {
            Pattern::Ident(id) => Ok(Target::Identifier(IdentifierReference::resolve(agent, id)?)),
            _ => Ok(Target::Reference(super::expressions::target_reference(
                agent, target,
            )?)),
        }
    }

    /// GetValue(V), keeping a property reference's converted key for the PutValue that
    /// follows.
    pub fn get_value(&mut self, agent: &mut Agent) -> JsResult<Value> {
        match self {
            Target::Identifier(reference) => reference.get_value(agent),
            Target::Reference(reference) => get_value_and_keep_key(agent, reference),
        }
    }

    /// PutValue(V, W).
    pub fn put_value(&self, agent: &mut Agent, value: Value) -> JsResult<()> {
        match self {
            Target::Identifier(reference) => reference.put_value(agent, value),
            Target::Reference(reference) => put_value(agent, reference, value),
        }
    }
}
