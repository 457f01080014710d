//! 27.5 Generator Objects (sec-generator-objects): generator instances and the Generator
//! Abstract Operations (27.5.3). %GeneratorPrototype%'s methods are in
//! builtins/generator_function.rs; suspension itself in spec/execution_context_suspension.rs.

use super::agents::Agent;
use super::completion_record::{Completion, JsResult};
use super::execution_contexts::ExecutionContext;
use super::object_kinds::{InternalSlot, ObjectKind};
use super::object_type::Object;
use super::operations_on_iterator_objects::create_iterator_result_object;
use super::ordinary_object_internal_methods::require_internal_slot;
use super::value::Value;
use crate::spec::execution_context_suspension::{self as coroutines, Resumption};
use crate::syntax::ast;
use crate::{spec_assert, step};
use boa_gc::{custom_trace, Finalize, Trace};
use std::sync::Arc;

/// [[GeneratorState]].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GeneratorState {
    SuspendedStart,
    SuspendedYield,
    Executing,
    Completed,
}

/// The internal slots of a generator instance (Table 86).
#[derive(Finalize)]
pub struct GeneratorData {
    pub state: GeneratorState,
    /// [[GeneratorBrand]] (empty for generators made by generator functions, the only
    /// ones this interpreter makes; iterator helpers are their own state machines).
    pub brand: Option<&'static str>,
    /// [[GeneratorContext]] while suspended-start: the context GeneratorStart captured and
    /// the body to evaluate when it is first resumed.
    pub start: Option<(ExecutionContext, Arc<ast::Function>)>,
    /// [[GeneratorContext]] once started: the suspended body (an internal continuation
    /// object; see spec/execution_context_suspension.rs).
    pub continuation: Option<Object>,
    /// Set by a resumer that takes a plain `yield`'s value without its iterator result
    /// object ([`generator_resume_unboxed`]) while the body runs; cleared by a yield that
    /// hands over an object of its own (`yield*`'s inner result). Not a spec field.
    pub raw_yield: bool,
}

// SAFETY: the function's syntax tree holds no Gc pointers; everything else is traced.
unsafe impl Trace for GeneratorData {
    custom_trace!(this, mark, {
        if let Some((context, _)) = &this.start {
            mark(context);
        }
        mark(&this.continuation);
    });
}

fn with_generator<R>(generator: &Object, f: impl FnOnce(&mut GeneratorData) -> R) -> Option<R> {
    match &mut generator.data_mut().kind {
        ObjectKind::Generator(data) => Some(f(data)),
        _ => None,
    }
}

/// GeneratorStart ( generator, generatorBody ) (27.5.3.1), for a FunctionBody.
pub fn generator_start(agent: &mut Agent, generator: &Object, generator_body: Arc<ast::Function>) {
    // 1. Assert: The value of generator.[[GeneratorState]] is suspended-start.
    // 2. Let genContext be the running execution context.
    let mut gen_context = agent.running_execution_context().clone();
    // 3. Set the Generator component of genContext to generator.
    gen_context.generator = Some(generator.clone());
    // 4. Let closure be a new Abstract Closure with no parameters that captures
    //    generatorBody and performs the following steps when called: (see
    //    `generator_body_closure`)
    // 5. Set the code evaluation state of genContext such that when evaluation is resumed
    //    for that execution context, closure will be called with no arguments.
    // 6. Set generator.[[GeneratorContext]] to genContext.
    with_generator(generator, |data| {
        data.start = Some((gen_context, generator_body))
    });
    // 7. Return unused.
}

/// The Abstract Closure of GeneratorStart step 4, up to the point where the spec removes
/// acGenContext from the stack (the coroutine does that when this returns). Gives the
/// completion's value; the caller makes the iterator result (step l) once the caller's
/// context is running again.
fn generator_body_closure(agent: &mut Agent, body: &ast::Function) -> JsResult<Value> {
    // a. Let acGenContext be the running execution context.
    // b. Let acGenerator be the Generator component of acGenContext.
    // c. If generatorBody is a Parse Node, then
    //    i. Let result be Completion(Evaluation of generatorBody).
    let result = match &body.body {
        ast::FunctionBody::Block(statements) => {
            crate::spec::evaluation::evaluate_statement_list(agent, statements)
        }
        ast::FunctionBody::Expr(_) => unreachable!("generator bodies are statement lists"),
    };
    // e. Assert: If we return here, the generator either threw an exception or performed
    //    either an implicit or explicit return.
    // f. Remove acGenContext from the execution context stack ... (the coroutine)
    // g. Set acGenerator.[[GeneratorState]] to completed. (GeneratorResume, on return)
    match result? {
        // i. If result is a normal completion, then i. Let resultValue be undefined.
        Completion::Normal(_) => Ok(Value::Undefined),
        // j. Else if result is a return completion, then i. Let resultValue be
        //    result.[[Value]].
        Completion::Return(value) => Ok(value),
        // k. Else, i. Assert: result is a throw completion. ii. Return ? result.
        Completion::Break(..) | Completion::Continue(..) => {
            unreachable!("early errors keep break and continue inside the body")
        }
    }
}

/// GeneratorValidate ( generator, generatorBrand ) (27.5.3.2).
#[crate::trace::checks_tracing_once]
pub fn generator_validate(
    agent: &mut Agent,
    generator: &Value,
    generator_brand: Option<&'static str>,
) -> JsResult<(Object, GeneratorState)> {
    // (Untraced: for a generator object — the only kind with [[GeneratorState]] and
    // [[GeneratorBrand]], so steps 1 and 2 pass — whose brand is generatorBrand and whose
    // state is not executing, steps 3-6 do nothing and step 7 returns the state, read
    // with the brand in one borrow. Anything else takes the steps. docs/ARCHITECTURE.md.)
    if !crate::trace::enabled() {
        if let Value::Object(object) = generator {
            if let Some((brand, state)) = with_generator(object, |data| (data.brand, data.state)) {
                if brand == generator_brand && state != GeneratorState::Executing {
                    return Ok((object.clone(), state));
                }
            }
        }
    }
    // 1. Perform ? RequireInternalSlot(generator, [[GeneratorState]]).
    // 2. Perform ? RequireInternalSlot(generator, [[GeneratorBrand]]).
    // (Every object with a [[GeneratorState]] has a [[GeneratorBrand]]: one check does
    // both steps.)
    if crate::trace::enabled() {
        step!("sec-generatorvalidate", "1");
        step!("sec-generatorvalidate", "2");
    }
    let object = require_internal_slot(
        agent,
        generator,
        InternalSlot::GeneratorState,
        "GeneratorValidate",
    )?;
    let (brand, state) = with_generator(&object, |data| (data.brand, data.state))
        .expect("RequireInternalSlot checked [[GeneratorState]]");
    // 3. If generator.[[GeneratorBrand]] is not generatorBrand, throw a TypeError
    //    exception.
    // (Untraced, steps 3-7 are skipped when neither throws: every generator.next() runs
    // them.)
    if crate::trace::enabled() || brand != generator_brand {
        step!("sec-generatorvalidate", "3");
        if brand != generator_brand {
            return Err(agent.type_error("not a generator of this kind"));
        }
    }
    if crate::trace::enabled() || state == GeneratorState::Executing {
        // 4. Assert: generator also has a [[GeneratorContext]] internal slot.
        spec_assert!(
            "sec-generatorvalidate",
            "4",
            by: "GeneratorData holds the [[GeneratorContext]] (start or continuation) of every generator"
        );
        // 5. Let state be generator.[[GeneratorState]]. (Read with the brand above.)
        step!("sec-generatorvalidate", "5");
        // 6. If state is executing, throw a TypeError exception.
        step!("sec-generatorvalidate", "6");
        if state == GeneratorState::Executing {
            return Err(agent.type_error("the generator is already running"));
        }
        // 7. Return state.
        step!("sec-generatorvalidate", "7");
    }
    Ok((object, state))
}

/// GeneratorResume ( generator, value, generatorBrand ) (27.5.3.3).
pub fn generator_resume(
    agent: &mut Agent,
    generator: &Value,
    value: Value,
    generator_brand: Option<&'static str>,
) -> JsResult<Value> {
    // 1. Let state be ? GeneratorValidate(generator, generatorBrand).
    step!("sec-generatorresume", "1");
    let (generator, state) = generator_validate(agent, generator, generator_brand)?;
    // 2. If state is completed, return CreateIteratorResultObject(undefined, true).
    // (Untraced, step 2 is skipped when state is not completed.)
    if crate::trace::enabled() || state == GeneratorState::Completed {
        step!("sec-generatorresume", "2");
        if state == GeneratorState::Completed {
            return Ok(Value::Object(create_iterator_result_object(
                agent,
                Value::Undefined,
                true,
            )));
        }
    }
    // 3. Assert: state is either suspended-start or suspended-yield.
    spec_assert!(
        "sec-generatorresume",
        "3",
        matches!(
            state,
            GeneratorState::SuspendedStart | GeneratorState::SuspendedYield
        )
    );
    // 4-11: see `resume_generator_context`.
    let step = resume_generator_context(agent, &generator, Resumption::Normal(value), false)?;
    Ok(step.into_iterator_result(agent))
}

/// What resuming a generator's body gave: a plain `yield`'s value (only when the resumer
/// asked for it unboxed), an iterator result object it yielded, or its completion value.
pub enum GeneratorStep {
    /// The value of a plain `yield` (Yield step 3: its iterator result would be
    /// CreateIteratorResultObject(value, false), made in genContext).
    Yielded(Value),
    /// The iterator result object the body yielded (GeneratorYield's iteratorResult).
    Result(Value),
    /// The body completed with this value (GeneratorStart's closure, steps i-j: its
    /// iterator result is CreateIteratorResultObject(resultValue, true), step l).
    Done(Value),
}

impl GeneratorStep {
    /// The iterator result object (GeneratorStart's closure, step l, made with the
    /// caller's context running, as the spec's stack has it). A `Yielded` value never
    /// reaches this: only [`generator_resume_unboxed`] asks for one.
    fn into_iterator_result(self, agent: &mut Agent) -> Value {
        match self {
            GeneratorStep::Done(value) => {
                Value::Object(create_iterator_result_object(agent, value, true))
            }
            GeneratorStep::Result(value) | GeneratorStep::Yielded(value) => value,
        }
    }
}

/// The generator `generator` is when GeneratorValidate(generator, empty) (27.5.3.2) passes
/// without a step of its own to report: a generator object (steps 1-2) with an empty brand
/// (step 3) that is not executing (steps 5-7). Untraced callers only.
pub fn validated_generator(generator: &Value) -> Option<&Object> {
    let Value::Object(object) = generator else {
        return None;
    };
    match &object.data().kind {
        ObjectKind::Generator(data)
            if data.brand.is_none() && data.state != GeneratorState::Executing =>
        {
            Some(object)
        }
        _ => None,
    }
}

/// GeneratorResume(generator, value, empty) (27.5.3.3) of a generator that
/// [`validated_generator`] gave, not while tracing, for a caller that reads the iterator
/// result's "value" (and "done") from its own data properties and nothing else: the
/// result object is not made. Step 1 (GeneratorValidate) passed; step 2, a completed
/// generator, is `Done(undefined)`; steps 4-11 resume the body with `raw_yield` set, so
/// that a plain `yield` hands over its value without making CreateIteratorResultObject's
/// object (no code can reach that object before `next` returns it, and this caller reads
/// only its own data properties). docs/ARCHITECTURE.md, "Generator steps without result
/// objects".
pub fn generator_resume_unboxed(
    agent: &mut Agent,
    generator: &Object,
    value: Value,
) -> JsResult<GeneratorStep> {
    debug_assert!(!crate::trace::enabled());
    let state = with_generator(generator, |data| data.state);
    if state == Some(GeneratorState::Completed) {
        return Ok(GeneratorStep::Done(Value::Undefined));
    }
    resume_generator_context_with(agent, generator, Resumption::Normal(value), false, true)
}

/// GeneratorResume steps 4-11 and GeneratorResumeAbrupt steps 5-10: resume genContext
/// with `resumption` and give what it yields, returns or throws.
/// `abrupt` says which of the two runs, for the step markers.
fn resume_generator_context(
    agent: &mut Agent,
    generator: &Object,
    resumption: Resumption,
    abrupt: bool,
) -> JsResult<GeneratorStep> {
    resume_generator_context_with(agent, generator, resumption, abrupt, false)
}

/// [`resume_generator_context`], with a plain `yield`'s value handed over unboxed when
/// `raw` (see [`generator_resume_unboxed`]).
#[crate::trace::checks_tracing_once]
fn resume_generator_context_with(
    agent: &mut Agent,
    generator: &Object,
    resumption: Resumption,
    abrupt: bool,
    raw: bool,
) -> JsResult<GeneratorStep> {
    // 4. Let genContext be generator.[[GeneratorContext]].
    // 5. Let methodContext be the running execution context.
    // 6. Suspend methodContext.
    //    (The coroutine switch below keeps methodContext and suspends it.)
    // 7. Set generator.[[GeneratorState]] to executing.
    // (One test of the tracing flag for these markers: every resumption runs them.)
    if crate::trace::enabled() {
        if abrupt {
            step!("sec-generatorresumeabrupt", "5");
            step!("sec-generatorresumeabrupt", "6");
            step!("sec-generatorresumeabrupt", "7");
            step!("sec-generatorresumeabrupt", "8");
        } else {
            step!("sec-generatorresume", "4");
            step!("sec-generatorresume", "5");
            step!("sec-generatorresume", "6");
            step!("sec-generatorresume", "7");
        }
    }
    let (start, continuation) = with_generator(generator, |data| {
        data.state = GeneratorState::Executing;
        data.raw_yield = raw;
        (data.start.take(), data.continuation.clone())
    })
    .expect("GeneratorValidate checked the slots");
    // 8. Push genContext onto the execution context stack; genContext is now the running
    //    execution context.
    // 9. Resume the suspended evaluation of genContext using NormalCompletion(value) as the
    //    result of the operation that suspended it. Let result be the Completion Record
    //    returned by the resumed computation.
    // (One test of the tracing flag for these markers: every resumption runs them.)
    if crate::trace::enabled() {
        if abrupt {
            step!("sec-generatorresumeabrupt", "9");
            step!("sec-generatorresumeabrupt", "10");
        } else {
            step!("sec-generatorresume", "8");
            step!("sec-generatorresume", "9");
        }
    }
    let result = match (start, continuation) {
        (Some((gen_context, body)), _) => {
            let handle = coroutines::new_continuation_object(agent);
            with_generator(generator, |data| data.continuation = Some(handle.clone()));
            coroutines::start(agent, &handle, gen_context, move |agent| {
                generator_body_closure(agent, &body)
            })
        }
        (None, Some(handle)) => coroutines::resume(agent, &handle, resumption),
        (None, None) => unreachable!("a suspended generator has a context"),
    };
    // 10. Assert: When we return here, genContext has already been removed from the
    //     execution context stack and methodContext is the currently running execution
    //     context.
    if abrupt {
        spec_assert!(
            "sec-generatorresumeabrupt",
            "11",
            by: "the coroutine returns here once genContext has left the stack"
        );
    } else {
        spec_assert!(
            "sec-generatorresume",
            "10",
            by: "the coroutine returns here once genContext has left the stack"
        );
    }
    // (GeneratorYield set the state to suspended-yield; otherwise the body completed:
    //  GeneratorStart's closure, step g: set the state to completed and, step l, make the
    //  result.)
    let (completed, unboxed) = with_generator(generator, |data| {
        let unboxed = std::mem::replace(&mut data.raw_yield, false);
        if data.state == GeneratorState::Executing {
            data.state = GeneratorState::Completed;
            data.continuation = None;
            (true, false)
        } else {
            (false, unboxed)
        }
    })
    .unwrap_or((true, false));
    // 11. Return ? result.
    if abrupt {
        step!("sec-generatorresumeabrupt", "12");
    } else {
        step!("sec-generatorresume", "11");
    }
    let value = result?;
    Ok(if completed {
        // GeneratorStart's closure, l. Return CreateIteratorResultObject(resultValue, true).
        // (Made by the caller: GeneratorStep::into_iterator_result.)
        GeneratorStep::Done(value)
    } else if unboxed {
        GeneratorStep::Yielded(value)
    } else {
        GeneratorStep::Result(value)
    })
}

/// The completion GeneratorResumeAbrupt is called with.
pub enum AbruptCompletion {
    Throw(Value),
    Return(Value),
}

/// GeneratorResumeAbrupt ( generator, abruptCompletion, generatorBrand ) (27.5.3.4).
pub fn generator_resume_abrupt(
    agent: &mut Agent,
    generator: &Value,
    abrupt_completion: AbruptCompletion,
    generator_brand: Option<&'static str>,
) -> JsResult<Value> {
    // 1. Let state be ? GeneratorValidate(generator, generatorBrand).
    step!("sec-generatorresumeabrupt", "1");
    let (generator, mut state) = generator_validate(agent, generator, generator_brand)?;
    // 2. If state is suspended-start, then
    step!("sec-generatorresumeabrupt", "2");
    if state == GeneratorState::SuspendedStart {
        // a. Set generator.[[GeneratorState]] to completed.
        step!("sec-generatorresumeabrupt", "2.a");
        // b. NOTE: Once a generator enters the completed state it never leaves it and its
        //    associated execution context is never resumed. Any execution state associated
        //    with generator can be discarded at this point.
        step!("sec-generatorresumeabrupt", "2.b");
        with_generator(&generator, |data| {
            data.state = GeneratorState::Completed;
            data.start = None;
        });
        // c. Set state to completed.
        step!("sec-generatorresumeabrupt", "2.c");
        state = GeneratorState::Completed;
    }
    // 3. If state is completed, then
    step!("sec-generatorresumeabrupt", "3");
    if state == GeneratorState::Completed {
        // a. If abruptCompletion is a return completion, then
        step!("sec-generatorresumeabrupt", "3.a");
        if let AbruptCompletion::Return(value) = abrupt_completion {
            // i. Return CreateIteratorResultObject(abruptCompletion.[[Value]], true).
            step!("sec-generatorresumeabrupt", "3.a.i");
            return Ok(Value::Object(create_iterator_result_object(
                agent, value, true,
            )));
        }
        // b. Return ? abruptCompletion. (A return completion returned in step a.)
        step!("sec-generatorresumeabrupt", "3.b");
        return match abrupt_completion {
            AbruptCompletion::Throw(value) | AbruptCompletion::Return(value) => Err(value),
        };
    }
    // 4. Assert: state is suspended-yield.
    spec_assert!(
        "sec-generatorresumeabrupt",
        "4",
        state == GeneratorState::SuspendedYield
    );
    // 5-12. (as GeneratorResume 4-11, with abruptCompletion)
    let resumption = match abrupt_completion {
        AbruptCompletion::Throw(value) => Resumption::Throw(value),
        AbruptCompletion::Return(value) => Resumption::Return(value),
    };
    let step = resume_generator_context(agent, &generator, resumption, true)?;
    Ok(step.into_iterator_result(agent))
}

/// The result of GetGeneratorKind ( ) (27.5.3.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GeneratorKind {
    NonGenerator,
    Sync,
    Async,
}

/// GetGeneratorKind ( ) (27.5.3.5).
#[crate::trace::checks_tracing_once]
pub fn get_generator_kind(agent: &Agent) -> GeneratorKind {
    // (One test of the tracing flag for the markers of steps 1 and 2: an Assert of
    // GeneratorYield runs this on every yield.)
    if crate::trace::enabled() {
        // 1. Let genContext be the running execution context.
        step!("sec-getgeneratorkind", "1");
        // 2. If genContext does not have a Generator component, return non-generator.
        step!("sec-getgeneratorkind", "2");
    }
    let gen_context = agent.running_execution_context();
    let Some(generator) = &gen_context.generator else {
        return GeneratorKind::NonGenerator;
    };
    let is_async = matches!(&generator.data().kind, ObjectKind::AsyncGenerator(_));
    if crate::trace::enabled() {
        // 3. Let generator be the Generator component of genContext.
        step!("sec-getgeneratorkind", "3");
        // 4. If generator has an [[AsyncGeneratorState]] internal slot, return async.
        step!("sec-getgeneratorkind", "4");
        if !is_async {
            // 5. Else, return sync.
            step!("sec-getgeneratorkind", "5");
        }
    }
    if is_async {
        return GeneratorKind::Async;
    }
    GeneratorKind::Sync
}

/// GeneratorYield ( iteratorResult ) (27.5.3.7). Gives the completion the generator is
/// resumed with.
#[crate::trace::checks_tracing_once]
pub fn generator_yield(agent: &mut Agent, iterator_result: Object) -> Resumption {
    // 1. Let genContext be the running execution context.
    step!("sec-generatoryield", "1");
    // 2. Assert: genContext is the execution context of a generator.
    spec_assert!(
        "sec-generatoryield",
        "2",
        agent.running_execution_context().generator.is_some()
    );
    // 3. Let generator be the value of the Generator component of genContext.
    step!("sec-generatoryield", "3");
    let generator = agent
        .running_execution_context()
        .generator
        .clone()
        .expect("yield is evaluated in a generator's context");
    // 4. Assert: GetGeneratorKind() is sync. (GetGeneratorKind's steps 3-5 on this
    // generator, the Generator component of the running context: sync unless it has an
    // [[AsyncGeneratorState]].)
    spec_assert!(
        "sec-generatoryield",
        "4",
        !matches!(generator.data().kind, ObjectKind::AsyncGenerator(_))
    );
    // 5. Set generator.[[GeneratorState]] to suspended-yield.
    step!("sec-generatoryield", "5");
    // (The resumer gets iteratorResult itself, not a plain yield's value.)
    with_generator(&generator, |data| {
        data.state = GeneratorState::SuspendedYield;
        data.raw_yield = false;
    });
    // 6. Remove genContext from the execution context stack and restore the execution
    //    context that is at the top of the execution context stack as the running
    //    execution context.
    // 7. Let callerContext be the running execution context.
    // 8. Resume callerContext passing NormalCompletion(iteratorResult). If genContext is
    //    ever resumed again, let resumptionValue be the Completion Record with which it is
    //    resumed.
    // (The coroutine switch does the three steps; one test of the tracing flag for their
    // markers.)
    if crate::trace::enabled() {
        step!("sec-generatoryield", "6");
        step!("sec-generatoryield", "7");
        step!("sec-generatoryield", "8");
    }
    let resumption_value = coroutines::suspend(agent, Value::Object(iterator_result));
    // 9. Assert: If control reaches here, then genContext is the running execution
    //    context again.
    spec_assert!(
        "sec-generatoryield",
        "9",
        by: "coroutines::suspend returns when genContext is resumed"
    );
    // 10. Return resumptionValue.
    step!("sec-generatoryield", "10");
    resumption_value
}

/// Yield ( value ) (27.5.3.8) steps 1 and 3 in a sync generator, not while tracing:
/// GetGeneratorKind() (27.5.3.5) is sync when the running context's Generator component is
/// a generator object, and GeneratorYield(CreateIteratorResultObject(value, false)) (27.5.3.7)
/// sets its state to suspended-yield (step 5) and suspends genContext (steps 6-8); the
/// iterator result object is made only when the resumer did not ask for the value
/// unboxed ([`generator_resume_unboxed`]). One borrow of the generator, not cloned. `Err`
/// gives the value back, with nothing done, in an async generator (or outside one).
pub fn sync_yield_untraced(agent: &mut Agent, value: Value) -> Result<Resumption, Value> {
    debug_assert!(!crate::trace::enabled());
    let raw = {
        let Some(generator) = &agent.running_execution_context().generator else {
            return Err(value);
        };
        let mut data = generator.data_mut();
        let ObjectKind::Generator(data) = &mut data.kind else {
            return Err(value);
        };
        data.state = GeneratorState::SuspendedYield;
        data.raw_yield
    };
    let yielded = if raw {
        value
    } else {
        Value::Object(create_iterator_result_object(agent, value, false))
    };
    Ok(coroutines::suspend(agent, yielded))
}
