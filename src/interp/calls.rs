//! 13.3 Left-Hand-Side Expressions: calls (13.3.6), `new` (13.3.5), `super(...)`
//! (13.3.7), tagged templates (13.3.11) and ArgumentListEvaluation (13.3.8.1).

use super::expressions::{
    evaluate_chain, evaluate_expression, get_new_target, get_this_environment, is_strict, Evaluated,
};
use super::literals::get_template_object;
use crate::spec::agents::Agent;
use crate::spec::class_private_elements::initialize_instance_elements;
use crate::spec::completion_record::JsResult;
use crate::spec::environment_records::bind_this_value;
use crate::spec::global_object::perform_eval;
use crate::spec::operations_on_iterator_objects::{get_iterator, iterator_step_value};
use crate::spec::operations_on_objects::{call_object, construct};
use crate::spec::reference_record::{get_this_value, Reference, ReferenceBase, ReferenceName};
use crate::spec::resource_limits::check_argument_count;
use crate::spec::value::Value;
use crate::syntax::ast::{Argument, Expr, ExprKind, MemberProp, Template};

/// ArgumentListEvaluation (13.3.8.1).
pub fn argument_list_evaluation(agent: &mut Agent, arguments: &[Argument]) -> JsResult<Vec<Value>> {
    let mut list = Vec::with_capacity(arguments.len());
    for argument in arguments {
        match argument {
            // ArgumentList : AssignmentExpression
            // 1. Let ref be ? Evaluation of AssignmentExpression.
            // 2. Let arg be ? GetValue(ref). 3. Return « arg ».
            Argument::Expr(e) => list.push(evaluate_expression(agent, e)?),
            // ArgumentList : ... AssignmentExpression
            // 1. Let list be a new empty List.
            // 2. Let spreadRef be ? Evaluation of AssignmentExpression.
            // 3. Let spreadObj be ? GetValue(spreadRef).
            // 4. Let iteratorRecord be ? GetIterator(spreadObj, ~sync~).
            // 5. Repeat, a. Let next be ? IteratorStepValue(iteratorRecord).
            //    b. If next is ~done~, return list. c. Append next to list.
            Argument::Spread(e) => {
                let spread_obj = evaluate_expression(agent, e)?;
                let mut record = get_iterator(agent, &spread_obj)?;
                while let Some(next) = iterator_step_value(agent, &mut record)? {
                    // (An implementation limit on argument lists, resource_limits.rs.)
                    check_argument_count(agent, list.len() as u64 + 1)?;
                    list.push(next);
                }
            }
        }
    }
    Ok(list)
}

/// A short description of a callee for "is not a function" messages.
fn describe(expr: &Expr) -> String {
    match &expr.kind {
        ExprKind::Ident(id) => id.name.to_string(),
        ExprKind::Member {
            object, property, ..
        } => match property {
            MemberProp::Ident(id) => format!("{}.{}", describe(object), id.name),
            MemberProp::Private(id) => format!("{}.{}", describe(object), id.name),
            MemberProp::Computed(_) => format!("{}[...]", describe(object)),
        },
        ExprKind::SuperMember(MemberProp::Ident(id)) => format!("super.{}", id.name),
        ExprKind::This => "this".to_string(),
        ExprKind::Paren(inner) => describe(inner),
        ExprKind::Call { callee, .. } => format!("{}(...)", describe(callee)),
        _ => "expression".to_string(),
    }
}

/// 13.3.6.1 Runtime Semantics: Evaluation of CallExpression (including the calls of an
/// OptionalChain).
pub fn evaluate_call<'a>(
    agent: &mut Agent,
    call_expr: &'a Expr,
    callee: &'a Expr,
    arguments: &'a [Argument],
    optional: bool,
) -> JsResult<Evaluated<'a>> {
    // 1-3. Let memberExpr be the MemberExpression of expr and arguments its Arguments.
    // 4. Let ref be ? Evaluation of memberExpr.
    // 5. Let func be ? GetValue(ref).
    // (For an identifier, ResolveBinding and GetValue are fused; identifiers.rs.)
    let reference = match &callee.kind {
        // (Untraced: an identifier callee other than `eval`, outside an optional chain,
        // whose binding is at its kept place: steps 4-5 give func, the base is a record
        // whose WithBaseObject() is undefined (identifiers.rs), and steps 6-9 are
        // EvaluateCall's steps 2-7 with thisValue undefined; docs/ARCHITECTURE.md,
        // "Calls".)
        ExprKind::Ident(id) if !optional && !crate::trace::enabled() && &*id.name != "eval" => {
            if let Some(func) = super::identifiers::identifier_value_at_place(agent, id) {
                let value = call_identifier_at_place(agent, call_expr, callee, func, arguments)?;
                return Ok(Evaluated::Value(value));
            }
            return evaluate_identifier_call(agent, call_expr, callee, id, arguments, optional);
        }
        ExprKind::Ident(id) => {
            return evaluate_identifier_call(agent, call_expr, callee, id, arguments, optional);
        }
        // (Untraced: `object.name(...)` outside an optional chain without the Reference
        // Record, `evaluate_method_call`.)
        ExprKind::Member {
            object,
            property: property @ MemberProp::Ident(id),
            optional: false,
        } if !optional && !crate::trace::enabled() => {
            return Ok(
                match evaluate_method_call(
                    agent, call_expr, callee, object, property, id, arguments, false,
                )? {
                    Some(
                        MethodCallResult::Value(value) | MethodCallResult::IteratorValue(value),
                    ) => Evaluated::Value(value),
                    None => Evaluated::ShortCircuit,
                },
            );
        }
        _ => evaluate_chain(agent, callee)?,
    };
    if matches!(reference, Evaluated::ShortCircuit) {
        return Ok(Evaluated::ShortCircuit);
    }
    let (reference, func) = match reference {
        Evaluated::Ref(r) => {
            let func = callee_value(agent, &r)?;
            (Some(r), func)
        }
        Evaluated::Value(v) => (None, v),
        Evaluated::ShortCircuit => unreachable!(),
    };
    finish_call(
        agent, call_expr, callee, arguments, optional, reference, func,
    )
}

/// [`evaluate_call`] followed by GetValue, for a call in a value position (an operand, an
/// initializer, an argument): the value. The identifier callee of `evaluate_call`'s
/// untraced path (a binding at its kept place, not `eval`, outside an optional chain) is
/// called here at once (the same steps: 4-5 give func, WithBaseObject() of the record is
/// undefined, then EvaluateCall's steps 2-7), so that the value comes back without an
/// `Evaluated` (GetValue of a value is the value); any other call is `evaluate_call`'s.
#[inline(never)]
pub fn evaluate_call_value(
    agent: &mut Agent,
    call_expr: &Expr,
    callee: &Expr,
    arguments: &[Argument],
    optional: bool,
) -> JsResult<Value> {
    if let ExprKind::Ident(id) = &callee.kind {
        if !optional && !crate::trace::enabled() && &*id.name != "eval" {
            // (An Object func is taken out of the Option as its pointer and made a Value
            // again where it is used: a copy of the whole value read back right after it
            // was written stalls.)
            #[allow(clippy::needless_match)] // (the re-wrapping is the point, as said)
            let func = match super::identifiers::identifier_value_at_place(agent, id) {
                Some(Value::Object(f)) => Some(Value::Object(f)),
                func => func,
            };
            if let Some(func) = func {
                return call_identifier_at_place(agent, call_expr, callee, func, arguments);
            }
        }
    }
    evaluate_call(agent, call_expr, callee, arguments, optional)?.get_value(agent)
}

/// Steps 6-9 of CallExpression evaluation for an identifier callee whose binding at its
/// kept place gave func (steps 4-5; `identifiers::identifier_value_at_place`): the base
/// is a record whose WithBaseObject() is undefined, so they are EvaluateCall's steps 2-7
/// with thisValue undefined (docs/ARCHITECTURE.md, "Calls").
#[inline(always)]
fn call_identifier_at_place(
    agent: &mut Agent,
    call_expr: &Expr,
    callee: &Expr,
    func: Value,
    arguments: &[Argument],
) -> JsResult<Value> {
    agent.current_offset = call_expr.span.start;
    evaluate_call_with_this(
        agent,
        func,
        Value::Undefined,
        arguments,
        call_expr.span.start,
        || describe(callee),
    )
}

/// Steps 4-9 of CallExpression evaluation for an identifier callee (ResolveBinding and
/// GetValue fused; identifiers.rs).
#[inline(never)]
fn evaluate_identifier_call<'a>(
    agent: &mut Agent,
    call_expr: &'a Expr,
    callee: &'a Expr,
    id: &'a crate::syntax::ast::Ident,
    arguments: &'a [Argument],
    optional: bool,
) -> JsResult<Evaluated<'a>> {
    let (base, func) = super::identifiers::identifier_value_and_base(agent, id)?;
    let reference = Reference {
        base: ReferenceBase::Environment(base),
        name: ReferenceName::Identifier(&id.name),
        strict: is_strict(agent),
        this_value: None,
    };
    finish_call(
        agent,
        call_expr,
        callee,
        arguments,
        optional,
        Some(reference),
        func,
    )
}

/// What [`evaluate_method_call`] gives.
pub enum MethodCallResult {
    /// The call's value.
    Value(Value),
    /// The "value" of the iterator result object %GeneratorPrototype%.next would have
    /// returned (asked for with `iterator_value`), that object not made.
    IteratorValue(Value),
}

/// CallExpression evaluation (13.3.6.1) of `object.name(arguments)` (callee `callee`,
/// outside an optional chain), not while tracing: steps 4-5 are 13.3.2.1 steps 1-2
/// (baseValue) and, for an Object base, GetValue steps 3.a (ToObject of an Object is the
/// Object) and 3.d, baseObj.[[Get]](name, baseObj) (GetThisValue of the property reference
/// is the base), so no Reference Record is made; step 6 does not apply (a property
/// reference), and EvaluateCall (13.3.6.2) step 1.a's thisValue is GetThisValue(ref), the
/// base. Another base takes the Reference Record's steps. `None` when an optional chain in
/// `object` short-circuits.
///
/// With `iterator_value` (the call is the MemberExpression of `call.value`), when func is
/// %GeneratorPrototype%.next of the current realm and thisValue a generator that
/// GeneratorValidate passes, and there is at most one argument: the call is
/// BuiltinCallOrConstruct (10.3.3) of next with GeneratorResume(thisValue, value, empty)
/// as its steps (27.5.1.2), and the caller reads "value" of the result it returns. Its
/// calleeContext (steps 3-9, 12) is not pushed: with F.[[Realm]] the current realm and no
/// Evaluators of its own, it has the caller's Realm and Evaluators, and no ScriptOrModule,
/// LexicalEnvironment or source, so nothing the generator's body or GeneratorResume does
/// can tell it from callerContext (the body's code sees genContext on top; the
/// walks of GetActiveScriptOrModule and of error locations pass over such a context). The
/// result object a plain `yield` or the completion would make is not made:
/// `IteratorValue` is its "value" (`generator_objects::generator_resume_unboxed`).
/// docs/ARCHITECTURE.md, "Generator steps without result objects".
#[allow(clippy::too_many_arguments)]
#[inline(never)]
pub fn evaluate_method_call<'a>(
    agent: &mut Agent,
    call_expr: &'a Expr,
    callee: &'a Expr,
    object: &'a Expr,
    property: &'a MemberProp,
    id: &'a crate::syntax::ast::Ident,
    arguments: &'a [Argument],
    iterator_value: bool,
) -> JsResult<Option<MethodCallResult>> {
    debug_assert!(!crate::trace::enabled());
    // 13.3.2.1 1. Let baseReference be ? Evaluation of MemberExpression.
    // 2. Let baseValue be ? GetValue(baseReference).
    let Some(base_value) = super::expressions::member_base_value(agent, object)? else {
        return Ok(None);
    };
    let Value::Object(o) = &base_value else {
        let reference = super::expressions::property_reference(agent, base_value, property)?;
        agent.current_offset = id.span.start;
        let func = callee_value(agent, &reference)?;
        return match finish_call(
            agent,
            call_expr,
            callee,
            arguments,
            false,
            Some(reference),
            func,
        )? {
            Evaluated::Value(value) => Ok(Some(MethodCallResult::Value(value))),
            _ => Ok(None),
        };
    };
    // (Error locations: GetValue fails at the name.)
    agent.current_offset = id.span.start;
    // (A method is mostly found on a prototype: ordinary objects up to it are looked at
    // in turn, borrowed, `ordinary_chain_data_value`; anything else by [[Get]].)
    let func = match super::property_access::with_identifier_key(agent, &id.name, |key| {
        crate::spec::ordinary_object_internal_methods::ordinary_chain_data_value(o, key)
    }) {
        // (An Object func is taken out of the Option as its pointer and made a Value again:
        // a copy of the whole value read back right after it was written stalls.)
        Some(Value::Object(f)) => Value::Object(f),
        Some(func) => func,
        None => {
            let key = super::property_access::identifier_key(agent, &id.name);
            o.get(agent, &key, &base_value)?
        }
    };
    agent.current_offset = call_expr.span.start;
    if iterator_value {
        if let Some(result) = generator_next_value(agent, &func, &base_value, arguments, callee, id)
        {
            let result = result?;
            return Ok(Some(result));
        }
    }
    // 7-9. EvaluateCall(func, ref, arguments, tailCall), thisValue the base.
    // (An Object or a Number result is taken out as its tag and its payload, word by word:
    // a copy of the whole result read back right after the callee wrote it stalls.)
    match evaluate_call_with_this(agent, func, base_value, arguments, id.span.start, || {
        describe(callee)
    }) {
        Ok(Value::Object(o)) => Ok(Some(MethodCallResult::Value(Value::Object(o)))),
        Ok(Value::Number(n)) => Ok(Some(MethodCallResult::Value(Value::Number(n)))),
        Ok(value) => Ok(Some(MethodCallResult::Value(value))),
        Err(error) => Err(error),
    }
}

/// [`evaluate_method_call`]'s call of %GeneratorPrototype%.next for its "value": `None`,
/// with nothing evaluated, when func is not that function of the current realm or the
/// arguments are not at most one AssignmentExpression. After the argument's evaluation
/// (EvaluateCall step 3), a thisValue that is not a generator GeneratorValidate passes
/// takes the call's steps (steps 4-7 with that argument list).
#[inline(always)]
fn generator_next_value(
    agent: &mut Agent,
    func: &Value,
    this_value: &Value,
    arguments: &[Argument],
    callee: &Expr,
    id: &crate::syntax::ast::Ident,
) -> Option<JsResult<MethodCallResult>> {
    use crate::spec::generator_objects::{
        generator_resume_unboxed, validated_generator, GeneratorStep,
    };
    let Value::Object(f) = func else {
        return None;
    };
    if !matches!(arguments, [] | [Argument::Expr(_)])
        || !crate::spec::builtins::generator_function::is_generator_next_of(
            f,
            &agent.running_execution_context().realm,
        )
    {
        return None;
    }
    // EvaluateCall 3. Let argList be ? ArgumentListEvaluation of arguments.
    let value = match arguments {
        [Argument::Expr(a)] => match evaluate_expression(agent, a) {
            Ok(value) => value,
            Err(error) => return Some(Err(error)),
        },
        _ => Value::Undefined,
    };
    let Some(generator) = validated_generator(this_value) else {
        // (Not a generator GeneratorValidate passes: the call's own steps.)
        let result = if arguments.is_empty() {
            call_evaluated(agent, func, this_value, &[], id.span.start, || {
                describe(callee)
            })
        } else {
            let list = [value];
            call_evaluated(agent, func, this_value, &list, id.span.start, || {
                describe(callee)
            })
        };
        return Some(result.map(MethodCallResult::Value));
    };
    agent.current_offset = id.span.start;
    // 4-5. func is callable. 7. Call(func, thisValue, argList): [[Call]] (10.3.1) is
    // BuiltinCallOrConstruct, whose stack check comes first.
    if let Err(error) = agent.check_stack() {
        return Some(Err(error));
    }
    Some(
        generator_resume_unboxed(agent, generator, value).map(|step| match step {
            // (A Number taken out word by word, as above.)
            GeneratorStep::Yielded(Value::Number(n)) | GeneratorStep::Done(Value::Number(n)) => {
                MethodCallResult::IteratorValue(Value::Number(n))
            }
            GeneratorStep::Yielded(value) | GeneratorStep::Done(value) => {
                MethodCallResult::IteratorValue(value)
            }
            GeneratorStep::Result(result) => MethodCallResult::Value(result),
        }),
    )
}

/// Step 5 of CallExpression evaluation for a callee that is not an identifier: GetValue(ref).
/// (Not while tracing: GetValue of `object.name` with an Object base is steps 3.a
/// (ToObject of an Object is the Object) and 3.d, baseObj.[[Get]](name, baseObj)
/// (GetThisValue is the base). A method is mostly found on a prototype: the object's
/// [[Get]] is called at once. Out of line: the call path of an identifier callee does not
/// carry it.)
#[inline(never)]
fn callee_value(agent: &mut Agent, r: &Reference<'_>) -> JsResult<Value> {
    if let (ReferenceBase::Value(base @ Value::Object(o)), ReferenceName::Key(key), None) =
        (&r.base, &r.name, &r.this_value)
    {
        if !crate::trace::enabled() {
            return o.get(agent, key, base);
        }
    }
    crate::spec::reference_record::get_value(agent, r)
}

/// Steps 6-9 of CallExpression evaluation, once ref and func are known.
fn finish_call<'a>(
    agent: &mut Agent,
    call_expr: &'a Expr,
    callee: &'a Expr,
    arguments: &'a [Argument],
    optional: bool,
    reference: Option<Reference<'a>>,
    func: Value,
) -> JsResult<Evaluated<'a>> {
    // OptionalChain : ?. Arguments — a nullish callee short-circuits the chain.
    if optional && func.is_nullish() {
        return Ok(Evaluated::ShortCircuit);
    }
    agent.current_offset = call_expr.span.start;
    // 6. If ref is a Reference Record, IsPropertyReference(ref) is false, and
    //    ref.[[ReferencedName]] is "eval", then
    if let Some(Reference {
        base: ReferenceBase::Environment(_),
        name: ReferenceName::Identifier("eval"),
        ..
    }) = &reference
    {
        // a. If SameValue(func, %eval%) is true, then
        //    SPEC ISSUE: %eval% is the running context's Evaluators' [[Eval]] (Compartments
        //    layer 3; docs/spec-issues.md, "which [[Eval]] makes a direct eval").
        let eval = agent.current_evaluators().eval();
        if !optional && matches!((&func, &eval), (Value::Object(f), Some(e)) if f == e) {
            // i. Let argList be ? ArgumentListEvaluation of arguments.
            let arg_list = argument_list_evaluation(agent, arguments)?;
            // ii. If argList has no elements, return undefined.
            // iii. Let evalArg be the first element of argList.
            let Some(eval_arg) = arg_list.into_iter().next() else {
                return Ok(Evaluated::Value(Value::Undefined));
            };
            // iv. If IsStrict(this CallExpression) is true, let strictCaller be true.
            //     Otherwise let strictCaller be false.
            let strict_caller = is_strict(agent);
            // v. Return ? PerformEval(evalArg, strictCaller, true).
            return Ok(Evaluated::Value(perform_eval(
                agent,
                &eval_arg,
                strict_caller,
                true,
            )?));
        }
    }
    // 7. Let thisCall be this CallExpression.
    // 8. Let tailCall be IsInTailPosition(thisCall).
    // 9. Return ? EvaluateCall(func, ref, arguments, tailCall).
    let value = evaluate_call_steps(
        agent,
        func,
        reference.as_ref(),
        arguments,
        call_offset(call_expr, callee),
        || describe(callee),
    )?;
    Ok(Evaluated::Value(value))
}

/// Where a call's own error ("is not a function", or one thrown by a built-in callee) is
/// reported: the callee's property name for `a.b.c()` (so that the calls of `a.b().c()`
/// are told apart), else the start of the call.
fn call_offset(call_expr: &Expr, callee: &Expr) -> u32 {
    match &callee.kind {
        ExprKind::Member { property, .. } | ExprKind::SuperMember(property) => {
            super::expressions::member_prop_offset(property)
        }
        _ => call_expr.span.start,
    }
}

/// EvaluateCall ( func, ref, arguments, tailPosition ) (13.3.6.2); `offset` is where the
/// call is, for error locations.
fn evaluate_call_steps(
    agent: &mut Agent,
    func: Value,
    reference: Option<&Reference>,
    arguments: &[Argument],
    offset: u32,
    describe_callee: impl FnOnce() -> String,
) -> JsResult<Value> {
    // 1. If ref is a Reference Record, then
    let this_value = match reference {
        // a. If IsPropertyReference(ref) is true, then i. Let thisValue be GetThisValue(ref).
        Some(r) if r.is_property_reference() => get_this_value(r),
        // b. Else, i. Let refEnv be ref.[[Base]]. ii. Assert: refEnv is an Environment
        //    Record. iii. Let thisValue be refEnv.WithBaseObject().
        Some(Reference {
            base: ReferenceBase::Environment(env),
            ..
        }) => env.with_base_object(),
        // 2. Else, a. Let thisValue be undefined.
        _ => Value::Undefined,
    };
    evaluate_call_with_this(agent, func, this_value, arguments, offset, describe_callee)
}

/// EvaluateCall ( func, ref, arguments, tailPosition ) (13.3.6.2) steps 3-7, thisValue
/// being `this_value` (steps 1-2).
#[inline(always)]
fn evaluate_call_with_this(
    agent: &mut Agent,
    func: Value,
    this_value: Value,
    arguments: &[Argument],
    offset: u32,
    describe_callee: impl FnOnce() -> String,
) -> JsResult<Value> {
    // 3. Let argList be ? ArgumentListEvaluation of arguments.
    // (Memory only: a list of at most four arguments without spreads is kept in an
    // array of its length on the stack, evaluated as ArgumentListEvaluation does, in
    // order; ArgumentList : AssignmentExpression is ? Evaluation and ? GetValue. The
    // values, func and thisValue are released after the call, when they go out of scope
    // (`ReleasedAfter`), so that the call's result is written where this function's
    // caller wants it rather than copied there after the releases.)
    let held = ReleasedAfter::new([func, this_value]);
    let [func, this_value] = held.values();
    macro_rules! call_with {
        ($($e:ident),*) => {{
            // (A Number argument is taken out of its result as its tag and its payload,
            // word by word: a copy of the whole value read back right after the callee
            // wrote it stalls.)
            // (The Number's result is forgotten: it holds nothing to release, and its
            // general drop is a call.)
            let list = ReleasedAfter::new([$({
                let result = evaluate_expression(agent, $e);
                match result {
                    Ok(Value::Number(n)) => {
                        std::mem::forget(result);
                        Value::Number(n)
                    }
                    Ok(value) => value,
                    Err(error) => return Err(error),
                }
            }),*]);
            call_evaluated(agent, func, this_value, list.values(), offset, describe_callee)
        }};
    }
    match arguments {
        [] => call_evaluated(agent, func, this_value, &[], offset, describe_callee),
        [Argument::Expr(a)] => call_with!(a),
        [Argument::Expr(a), Argument::Expr(b)] => call_with!(a, b),
        [Argument::Expr(a), Argument::Expr(b), Argument::Expr(c)] => call_with!(a, b, c),
        [Argument::Expr(a), Argument::Expr(b), Argument::Expr(c), Argument::Expr(d)] => {
            call_with!(a, b, c, d)
        }
        _ => {
            let list = argument_list_evaluation(agent, arguments)?;
            call_evaluated(agent, func, this_value, &list, offset, describe_callee)
        }
    }
}

/// Values released when this goes out of scope, without the general drop where they hold
/// nothing to release (undefined, null, a Boolean, a Number) and with an Object's count
/// released inline: a call's func, thisValue and arguments, held while the call runs and
/// released after it, once its result is where the caller wants it (a result copied there
/// after the releases is read back right after the callee wrote it, which stalls).
struct ReleasedAfter<const N: usize>(std::mem::ManuallyDrop<[Value; N]>);

impl<const N: usize> ReleasedAfter<N> {
    #[inline(always)]
    fn new(values: [Value; N]) -> Self {
        ReleasedAfter(std::mem::ManuallyDrop::new(values))
    }

    #[inline(always)]
    fn values(&self) -> &[Value; N] {
        &self.0
    }
}

impl<const N: usize> Drop for ReleasedAfter<N> {
    #[inline(always)]
    fn drop(&mut self) {
        for value in self.0.iter_mut() {
            // (Each value taken out, leaving undefined, which holds nothing: the array is
            // in a ManuallyDrop, not dropped again.)
            if !value.holds_nothing() {
                match std::mem::take(value) {
                    Value::Object(o) => drop(o),
                    value => drop(value),
                }
            }
        }
    }
}

/// EvaluateCall ( func, ref, arguments, tailPosition ) (13.3.6.2) steps 4-7, argList
/// being `arg_list` (step 3).
#[inline(always)]
fn call_evaluated(
    agent: &mut Agent,
    func: &Value,
    this_value: &Value,
    arg_list: &[Value],
    offset: u32,
    describe_callee: impl FnOnce() -> String,
) -> JsResult<Value> {
    agent.current_offset = offset;
    // 4. If func is not an Object, throw a TypeError exception.
    // 5. If IsCallable(func) is false, throw a TypeError exception.
    let Value::Object(f) = func else {
        return Err(agent.type_error(&format!("{} is not a function", describe_callee())));
    };
    // (IsCallable is whether func has a [[Call]] internal method: read once, and called
    // for step 7 — Call's steps 1-2 then pass, and step 3 is that call.)
    let Some(f_call) = f.methods().call else {
        return Err(agent.type_error(&format!("{} is not a function", describe_callee())));
    };
    // 6. If tailPosition is true, perform PrepareForTailCall().
    // 7. Return ? Call(func, thisValue, argList).
    f_call(agent, f, this_value, arg_list)
}

/// 13.3.5.1.1 EvaluateNew ( constructExpr, arguments ); `offset` is where the `new`
/// expression starts, for error locations.
pub fn evaluate_new(
    agent: &mut Agent,
    construct_expr: &Expr,
    arguments: &[Argument],
    offset: u32,
) -> JsResult<Value> {
    // 1. Let ref be ? Evaluation of constructExpr.
    crate::step!("sec-evaluatenew", "1");
    // 2. Let constructor be ? GetValue(ref).
    crate::step!("sec-evaluatenew", "2");
    let constructor = evaluate_expression(agent, construct_expr)?;
    // 3. If arguments is empty, then
    // (`new C` and `new C()` both have an empty list here; the result is the same.)
    crate::step!("sec-evaluatenew", "3");
    let arg_list = if arguments.is_empty() {
        // a. Let argList be a new empty List.
        crate::step!("sec-evaluatenew", "3.a");
        Vec::new()
    } else {
        // 4. Else,
        crate::step!("sec-evaluatenew", "4");
        // a. Let argList be ? ArgumentListEvaluation of arguments.
        crate::step!("sec-evaluatenew", "4.a");
        argument_list_evaluation(agent, arguments)?
    };
    agent.current_offset = offset;
    // 5. If IsConstructor(constructor) is false, throw a TypeError exception.
    crate::step!("sec-evaluatenew", "5");
    let constructor = match constructor {
        Value::Object(c) if c.is_constructor() => c,
        _ => {
            return Err(agent.type_error(&format!(
                "{} is not a constructor",
                describe(construct_expr)
            )))
        }
    };
    // 6. Return ? Construct(constructor, argList).
    crate::step!("sec-evaluatenew", "6");
    Ok(Value::Object(construct(
        agent,
        &constructor,
        &arg_list,
        None,
    )?))
}

/// 13.3.7.1 SuperCall : super Arguments.
pub fn evaluate_super_call(agent: &mut Agent, arguments: &[Argument]) -> JsResult<Value> {
    // 1. Let newTarget be GetNewTarget().
    // 2. Assert: newTarget is an Object.
    let new_target = get_new_target(agent);
    // 3. Let func be GetSuperConstructor().
    let func = get_super_constructor(agent)?;
    // 4. Let argList be ? ArgumentListEvaluation of Arguments.
    let arg_list = argument_list_evaluation(agent, arguments)?;
    // 5. If IsConstructor(func) is false, throw a TypeError exception.
    let func = match func {
        Some(f) if f.is_constructor() => f,
        _ => return Err(agent.type_error("super constructor is not a constructor")),
    };
    let Value::Object(new_target) = new_target else {
        return Err(agent.syntax_error("'super' keyword unexpected here"));
    };
    // 6. Let result be ? Construct(func, argList, newTarget).
    let result = construct(agent, &func, &arg_list, Some(&new_target))?;
    // 7. Let thisER be GetThisEnvironment().
    let this_er = get_this_environment(agent);
    // 8. Perform ? BindThisValue(thisER, result).
    bind_this_value(agent, &this_er, Value::Object(result.clone()))?;
    // 9. Let F be thisER.[[FunctionObject]].
    // 10. Assert: F is an ECMAScript function object.
    let (f, _) = this_er.function_fields().expect("a function environment");
    // 11. Perform ? InitializeInstanceElements(result, F).
    initialize_instance_elements(agent, &result, &f)?;
    // 12. Return result.
    Ok(Value::Object(result))
}

/// GetSuperConstructor ( ) (13.3.7.2).
fn get_super_constructor(agent: &mut Agent) -> JsResult<Option<crate::spec::object_type::Object>> {
    // 1. Let envRec be GetThisEnvironment().
    crate::step!("sec-getsuperconstructor", "1");
    let env_rec = get_this_environment(agent);
    // 2. Assert: envRec is a Function Environment Record.
    crate::spec_assert!(
        "sec-getsuperconstructor",
        "2",
        env_rec.function_fields().is_some()
    );
    // 3. Let activeFunction be envRec.[[FunctionObject]].
    crate::step!("sec-getsuperconstructor", "3");
    let (active_function, _) = env_rec
        .function_fields()
        .expect("super() runs in a function");
    // 4. Assert: activeFunction is an ECMAScript function object.
    crate::spec_assert!(
        "sec-getsuperconstructor",
        "4",
        by: "a Function Environment Record's [[FunctionObject]] is an ECMAScript function object"
    );
    // 5. Let superConstructor be ! activeFunction.[[GetPrototypeOf]]().
    crate::step!("sec-getsuperconstructor", "5");
    let super_constructor = active_function.get_prototype_of(agent)?;
    // 6. Return superConstructor.
    crate::step!("sec-getsuperconstructor", "6");
    Ok(super_constructor)
}

/// 13.3.11.1 MemberExpression : MemberExpression TemplateLiteral.
pub fn evaluate_tagged_template(
    agent: &mut Agent,
    tag: &Expr,
    quasi: &Template,
) -> JsResult<Value> {
    // 1. Let tagRef be ? Evaluation of MemberExpression.
    let tag_ref = evaluate_chain(agent, tag)?;
    // 2. Let tagFunc be ? GetValue(tagRef).
    let (reference, tag_func) = match tag_ref {
        Evaluated::Ref(r) => {
            let v = crate::spec::reference_record::get_value(agent, &r)?;
            (Some(r), v)
        }
        other => (None, other.get_value(agent)?),
    };
    // 3. Let thisCall be this MemberExpression.
    // 4. Let tailCall be IsInTailPosition(thisCall).
    // 5. Return ? EvaluateCall(tagFunc, tagRef, TemplateLiteral, tailCall), where the
    //    arguments are ArgumentListEvaluation of TemplateLiteral:
    //    1. Let templateLiteral be this TemplateLiteral.
    //    2. Let siteObj be GetTemplateObject(templateLiteral).
    //    3. Let remaining be ? ArgumentListEvaluation of the substitutions.
    //    4. Return the list-concatenation of « siteObj » and remaining.
    let this_value = match &reference {
        Some(r) if r.is_property_reference() => get_this_value(r),
        Some(Reference {
            base: ReferenceBase::Environment(env),
            ..
        }) => env.with_base_object(),
        _ => Value::Undefined,
    };
    let site = get_template_object(agent, quasi)?;
    let mut args = vec![Value::Object(site)];
    for e in &quasi.expressions {
        args.push(evaluate_expression(agent, e)?);
    }
    let Value::Object(f) = &tag_func else {
        return Err(agent.type_error(&format!("{} is not a function", describe(tag))));
    };
    if !f.is_callable() {
        return Err(agent.type_error(&format!("{} is not a function", describe(tag))));
    }
    call_object(agent, f, &this_value, &args)
}
