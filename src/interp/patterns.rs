//! Binding and assignment patterns: BindingInitialization (8.6.2),
//! IteratorBindingInitialization (8.6.3), KeyedBindingInitialization, and
//! DestructuringAssignmentEvaluation (13.15.5). Binding patterns and assignment patterns
//! share one tree type and one walk; [`Mode`] says which semantics apply.

use super::expressions::{evaluate_expression, evaluate_named, resolve_binding, target_reference};
use super::identifiers::IdentifierReference;
use super::literals::evaluate_property_key;
use crate::spec::agents::Agent;
use crate::spec::array_exotic_objects::array_create;
use crate::spec::completion_record::JsResult;
use crate::spec::ecmascript_function_objects::FunctionName;
use crate::spec::environment_records::Env;
use crate::spec::object_type::PropertyKey;
use crate::spec::operations_on_iterator_objects::{
    get_iterator, iterator_close, iterator_step, iterator_step_value, IteratorRecord,
};
use crate::spec::operations_on_objects::{
    copy_data_properties, create_array_from_list, create_data_property_or_throw, get_v, index_key,
};
use crate::spec::reference_record::{initialize_referenced_binding, put_value, Reference};
use crate::spec::testing_and_comparison::require_object_coercible;
use crate::spec::value::Value;
use crate::syntax::ast::{self, Expr, Pattern, PatternElement, PropKey};
pub use crate::syntax::static_semantics::names::contains_expression;

/// Which semantics a pattern walk has.
#[derive(Clone, Copy)]
pub enum Mode<'e> {
    /// DestructuringAssignmentEvaluation: targets are evaluated as references and assigned
    /// with PutValue.
    Assign,
    /// BindingInitialization with environment `Some(env)` (InitializeReferencedBinding) or
    /// undefined (`None`: PutValue, for `var` and duplicate parameters).
    Bind(Option<&'e Env>),
}

/// The reference of a simple target (an identifier, or a member expression in
/// assignment patterns), resolved first as the spec's steps do.
fn simple_target_reference<'a>(
    agent: &mut Agent,
    target: &'a Pattern,
    mode: Mode,
) -> JsResult<Reference<'a>> {
    match (mode, target) {
        (Mode::Bind(env), Pattern::Ident(id)) => resolve_binding(agent, &id.name, env),
        _ => target_reference(agent, target),
    }
}

/// Stores `value` in a resolved simple target.
fn store(agent: &mut Agent, reference: &Reference, value: Value, mode: Mode) -> JsResult<()> {
    match mode {
        Mode::Bind(Some(_)) => initialize_referenced_binding(agent, reference, value),
        Mode::Bind(None) | Mode::Assign => put_value(agent, reference, value),
    }
}

fn is_simple(target: &Pattern) -> bool {
    matches!(target, Pattern::Ident(_) | Pattern::Expr(_))
}

/// The value of a target with its default: `v`, or the Initializer's value (by
/// NamedEvaluation for an anonymous function bound to an identifier) when `v` is undefined.
fn apply_default(
    agent: &mut Agent,
    v: Value,
    target: &Pattern,
    init: Option<&Expr>,
) -> JsResult<Value> {
    match init {
        Some(init) if v.is_undefined() => match target {
            Pattern::Ident(id) => evaluate_named(agent, init, &id.name),
            _ => evaluate_expression(agent, init),
        },
        _ => Ok(v),
    }
}

/// BindingInitialization / DestructuringAssignmentEvaluation of a target with an optional
/// initializer, whose value comes from `produce` (a GetV or an iterator step) — called
/// after a simple target is resolved, as SingleNameBinding, KeyedBindingInitialization
/// and AssignmentElement order their steps.
fn initialize_element(
    agent: &mut Agent,
    target: &Pattern,
    init: Option<&Expr>,
    mode: Mode,
    produce: impl FnOnce(&mut Agent) -> JsResult<Value>,
) -> JsResult<()> {
    if let (Mode::Bind(Some(env)), Pattern::Ident(id)) = (mode, target) {
        // The same steps, with the BindingIdentifier through its place (identifiers.rs).
        let lhs = IdentifierReference::resolve_in(agent, id, env)?;
        let v = produce(agent)?;
        let v = apply_default(agent, v, target, init)?;
        return lhs.initialize_referenced_binding(agent, v);
    }
    if is_simple(target) {
        // 1-2. Let lhs be ? ResolveBinding(bindingId, environment) / Let lref be ?
        //    Evaluation of DestructuringAssignmentTarget.
        let lhs = simple_target_reference(agent, target, mode)?;
        // 3. Let v be ? GetV(value, propertyName) / the next iterator value.
        let v = produce(agent)?;
        // 4. If Initializer is present and v is undefined, then (NamedEvaluation or
        //    Evaluation of Initializer).
        let v = apply_default(agent, v, target, init)?;
        // 5. If environment is undefined, return ? PutValue(lhs, v).
        // 6. Return ? InitializeReferencedBinding(lhs, v).
        store(agent, &lhs, v, mode)
    } else {
        // BindingElement : BindingPattern Initializer_opt
        // 1. Let v be ? GetV(value, propertyName).
        let v = produce(agent)?;
        // 2. If Initializer is present and v is undefined, then
        //    a. Let defaultValue be ? Evaluation of Initializer.
        //    b. Set v to ? GetValue(defaultValue).
        let v = apply_default(agent, v, target, init)?;
        // 3. Return ? BindingInitialization of BindingPattern with arguments v and
        //    environment.
        pattern_initialization(agent, target, v, mode)
    }
}

/// BindingInitialization ( value, environment ) (8.6.2) of a binding pattern or
/// identifier.
pub fn binding_initialization(
    agent: &mut Agent,
    pattern: &Pattern,
    value: Value,
    env: Option<&Env>,
) -> JsResult<()> {
    pattern_initialization(agent, pattern, value, Mode::Bind(env))
}

/// DestructuringAssignmentEvaluation ( value ) (13.15.5.2) of an assignment pattern.
pub fn destructuring_assignment_evaluation(
    agent: &mut Agent,
    pattern: &Pattern,
    value: Value,
) -> JsResult<()> {
    pattern_initialization(agent, pattern, value, Mode::Assign)
}

fn pattern_initialization(
    agent: &mut Agent,
    pattern: &Pattern,
    value: Value,
    mode: Mode,
) -> JsResult<()> {
    match pattern {
        // BindingIdentifier : Identifier
        // 1. Let name be the StringValue of Identifier.
        // 2. Return ? InitializeBoundName(name, value, environment).
        Pattern::Ident(_) | Pattern::Expr(_) => {
            let reference = simple_target_reference(agent, pattern, mode)?;
            store(agent, &reference, value, mode)
        }
        Pattern::Object {
            properties, rest, ..
        } => {
            // ObjectBindingPattern / ObjectAssignmentPattern
            // 1. Perform ? RequireObjectCoercible(value).
            require_object_coercible(agent, &value)?;
            // 2. Let excludedNames be ? PropertyBindingInitialization /
            //    PropertyDestructuringAssignmentEvaluation of the properties.
            let mut excluded_names: Vec<PropertyKey> = Vec::new();
            for prop in properties {
                // BindingProperty : PropertyName : BindingElement
                // 1. Let P be ? Evaluation of PropertyName.
                // (SingleNameBinding: the name is the identifier's StringValue.)
                let key = match (&prop.key, prop.shorthand) {
                    (PropKey::Ident(id), true) => PropertyKey::from_identifier(&id.name),
                    (key, _) => match evaluate_property_key(agent, key)? {
                        FunctionName::Key(k) => k,
                        FunctionName::Private(_) => unreachable!("patterns have no private keys"),
                    },
                };
                // 2. Perform ? KeyedBindingInitialization of BindingElement with arguments
                //    value, environment, and P.
                let source = value.clone();
                let produce_key = key.clone();
                initialize_element(
                    agent,
                    &prop.value.target,
                    prop.value.init.as_deref(),
                    mode,
                    move |agent| get_v(agent, &source, &produce_key),
                )?;
                // 3. Return « P ».
                excluded_names.push(key);
            }
            // BindingRestProperty : ... BindingIdentifier / AssignmentRestProperty
            if let Some(rest) = rest {
                // 1. Let lhs be ? ResolveBinding(StringValue of BindingIdentifier,
                //    environment) / Let lref be ? Evaluation of DestructuringAssignmentTarget.
                let lhs = simple_target_reference(agent, rest, mode)?;
                // 2. Let restObj be OrdinaryObjectCreate(%Object.prototype%).
                let rest_obj = agent.ordinary_object();
                // 3. Perform ? CopyDataProperties(restObj, value, excludedNames).
                copy_data_properties(agent, &rest_obj, &value, &excluded_names)?;
                // 4. If environment is undefined, return ? PutValue(lhs, restObj).
                // 5. Return ? InitializeReferencedBinding(lhs, restObj).
                store(agent, &lhs, Value::Object(rest_obj), mode)?;
            }
            Ok(())
        }
        Pattern::Array { elements, rest, .. } => {
            // ArrayBindingPattern / ArrayAssignmentPattern
            // 1. Let iteratorRecord be ? GetIterator(value, ~sync~).
            let mut record = get_iterator(agent, &value)?;
            // 2. Let result be Completion(IteratorBindingInitialization /
            //    IteratorDestructuringAssignmentEvaluation with iteratorRecord).
            let result = iterator_pattern_initialization(
                agent,
                elements,
                rest.as_deref(),
                &mut record,
                mode,
            );
            // 3. If iteratorRecord.[[Done]] is false, return ? IteratorClose(iteratorRecord,
            //    result).
            if !record.done {
                return iterator_close(agent, &record, result);
            }
            // 4. Return ? result.
            result
        }
    }
}

/// The next value of an iterator for a pattern element: undefined once it is done.
fn next_or_undefined(agent: &mut Agent, record: &mut IteratorRecord) -> JsResult<Value> {
    // 3. If iteratorRecord.[[Done]] is false, then
    //    a. Let next be ? IteratorStepValue(iteratorRecord).
    //    b. If next is not ~done~, then i. Set v to next.
    if record.done {
        return Ok(Value::Undefined);
    }
    Ok(iterator_step_value(agent, record)?.unwrap_or_default())
}

/// IteratorBindingInitialization (8.6.3) / IteratorDestructuringAssignmentEvaluation
/// (13.15.5.5) of array pattern elements.
fn iterator_pattern_initialization(
    agent: &mut Agent,
    elements: &[Option<PatternElement>],
    rest: Option<&Pattern>,
    record: &mut IteratorRecord,
    mode: Mode,
) -> JsResult<()> {
    for element in elements {
        match element {
            // Elision : , — 1. If iteratorRecord.[[Done]] is false, then
            //    a. Perform ? IteratorStep(iteratorRecord).
            None => {
                if !record.done {
                    iterator_step(agent, record)?;
                }
            }
            Some(element) => {
                initialize_element(
                    agent,
                    &element.target,
                    element.init.as_deref(),
                    mode,
                    |agent| next_or_undefined(agent, record),
                )?;
            }
        }
    }
    // BindingRestElement : ... BindingIdentifier / ... BindingPattern
    if let Some(rest) = rest {
        // 1. Let lhs be ? ResolveBinding(...) (for an identifier target).
        let lhs = if is_simple(rest) {
            Some(simple_target_reference(agent, rest, mode)?)
        } else {
            None
        };
        // 2. Let A be ! ArrayCreate(0). 3. Let n be 0.
        let a = array_create(agent, 0, None)?;
        let mut n: u64 = 0;
        // 4. Repeat,
        //    a. Let next be ~done~.
        //    b. If iteratorRecord.[[Done]] is false, then
        //       i. Set next to ? IteratorStepValue(iteratorRecord).
        //    c. If next is ~done~, then (bind A).
        //    d. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(n)), next).
        //    e. Set n to n + 1.
        while !record.done {
            let Some(next) = iterator_step_value(agent, record)? else {
                break;
            };
            create_data_property_or_throw(agent, &a, &index_key(n), next)?;
            n += 1;
        }
        match lhs {
            //    c. i. If environment is undefined, return ? PutValue(lhs, A).
            //       ii. Return ? InitializeReferencedBinding(lhs, A).
            Some(lhs) => store(agent, &lhs, Value::Object(a), mode)?,
            //    c. i. Return ? BindingInitialization of BindingPattern with arguments A and
            //       environment.
            None => pattern_initialization(agent, rest, Value::Object(a), mode)?,
        }
    }
    Ok(())
}

/// IteratorBindingInitialization of FormalParameters with the arguments list (10.2.11
/// step 28). The spec iterates CreateListIteratorRecord(argumentsList), a closure no code
/// can observe; taking the arguments in order is the same.
pub fn formal_parameters_binding_initialization(
    agent: &mut Agent,
    code: &ast::Function,
    arguments: &[Value],
    env: Option<&Env>,
) -> JsResult<()> {
    let mode = Mode::Bind(env);
    for (index, param) in code.params.iter().enumerate() {
        let argument = arguments.get(index).cloned().unwrap_or_default();
        initialize_element(
            agent,
            &param.target,
            param.init.as_deref(),
            mode,
            move |_| Ok(argument),
        )?;
    }
    if let Some(rest) = &code.rest {
        // FunctionRestParameter: A is the array of the remaining arguments.
        let lhs = if is_simple(rest) {
            Some(simple_target_reference(agent, rest, mode)?)
        } else {
            None
        };
        let remaining = arguments.get(code.params.len()..).unwrap_or(&[]).to_vec();
        let a = create_array_from_list(agent, remaining);
        match lhs {
            Some(lhs) => store(agent, &lhs, Value::Object(a), mode)?,
            None => pattern_initialization(agent, rest, Value::Object(a), mode)?,
        }
    }
    Ok(())
}
