//! Suspending and resuming execution contexts: how this tree-walking interpreter does what
//! the spec writes as "suspend genContext" / "resume the suspended evaluation of
//! genContext" (GeneratorStart, GeneratorYield, Await, AsyncBlockStart, ...).
//!
//! A suspendable body (a generator's or an async function's) runs on a native stack of its
//! own as a stackful coroutine (`corosensei`): the interpreter's Rust frames *are* the
//! suspended evaluation state, exactly as the spec's "code evaluation state" is. Suspending
//! switches back to the stack of whoever resumed the body; resuming switches to the body's
//! stack. The alternative designs — rewriting bodies into state machines or a second,
//! resumable interpreter — would duplicate the evaluator; see docs/ARCHITECTURE.md.
//!
//! The execution context of a suspended body stays on the body's stack (a local of
//! [`suspend`]) while it is suspended and is pushed back when the body resumes; the
//! body's coroutine pops it when it completes — the spec's "Remove genContext from the
//! execution context stack". Stacks come from `coroutine_stacks.rs`.
//!
//! A continuation is held by an internal object ([`ObjectKind::Continuation`]) so that
//! built-in closures (Await's onFulfilled/onRejected) and generator objects can own it
//! through ordinary object slots.

use super::coroutine_stacks::PooledStack;
use crate::spec::agents::Agent;
use crate::spec::completion_record::JsResult;
use crate::spec::execution_contexts::ExecutionContext;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::Object;
use crate::spec::ordinary_object_internal_methods::ordinary_object_create_with;
use crate::spec::value::Value;
use boa_gc::{Finalize, Trace};
use corosensei::{Coroutine, CoroutineResult, Yielder};
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// The completion a suspended body is resumed with (the spec's "resume ... using
/// NormalCompletion(value) / ThrowCompletion / ReturnCompletion as the result of the
/// operation that suspended it").
#[derive(Clone)]
pub enum Resumption {
    Normal(Value),
    Throw(Value),
    Return(Value),
}

/// What a body receives when it is resumed: the agent (see [`AgentPointer`]) and the
/// completion.
type Input = (AgentPointer, Resumption);

/// The agent, passed to the body's stack on every resume. A coroutine body must be
/// `'static`, so it cannot borrow the resumer's `&mut Agent`; it receives the agent as a
/// pointer instead. The agent does not move while bodies are suspended (engines box it).
#[derive(Clone, Copy)]
struct AgentPointer(*mut Agent);

type BodyCoroutine = Coroutine<Input, Value, JsResult<Value>, PooledStack>;

/// A body that has started and not yet finished.
pub struct Continuation {
    coroutine: Option<BodyCoroutine>,
    /// The lowest address its stack may use.
    stack_limit: usize,
}

thread_local! {
    /// Coroutines whose owner the collector freed: they are unwound later, outside the
    /// collector's sweep, when dropping the handles on their stacks is safe
    /// ([`drop_collected_continuations`]). Leaked, not unwound, if the thread exits first.
    static COLLECTED: RefCell<Vec<std::mem::ManuallyDrop<BodyCoroutine>>> =
        const { RefCell::new(Vec::new()) };
}

impl Drop for Continuation {
    fn drop(&mut self) {
        let Some(coroutine) = self.coroutine.take() else {
            return;
        };
        if boa_gc::finalizer_safe() {
            // Unwinds the body's frames, dropping what they hold.
            drop(coroutine);
        } else {
            // Inside the collector's sweep: the body's frames hold Gc handles whose
            // referents may be freed in this same sweep; unwind later.
            let _ = COLLECTED.try_with(|list| {
                list.borrow_mut()
                    .push(std::mem::ManuallyDrop::new(coroutine))
            });
        }
    }
}

/// Unwinds the coroutines the collector freed since the last call. Called where no sweep
/// can be running (before a new body starts, when the job queue is drained, when an agent
/// is dropped).
pub fn drop_collected_continuations() {
    loop {
        let next = COLLECTED.with(|list| list.borrow_mut().pop());
        match next {
            Some(coroutine) => drop(std::mem::ManuallyDrop::into_inner(coroutine)),
            None => break,
        }
    }
}

/// The cell an internal continuation object owns: empty before the body starts, while it
/// runs (the resumer holds it) and after it finished.
#[derive(Default)]
pub struct ContinuationCell(RefCell<Option<Continuation>>);

/// An internal object's handle on its continuation.
#[derive(Clone, Finalize)]
pub struct ContinuationHandle(Rc<ContinuationCell>);

// SAFETY: the collector cannot see into a native stack; the Gc handles a suspended body
// holds count as roots (boa_gc finds roots by reference counts), so there is nothing to
// trace here.
unsafe impl Trace for ContinuationHandle {
    boa_gc::empty_trace!();
}

/// A new internal object for a body that has not started yet.
pub fn new_continuation_object(agent: &mut Agent) -> Object {
    let cell = Rc::new(ContinuationCell::default());
    agent.continuations.push(Rc::downgrade(&cell));
    if agent.continuations.len() >= 2 * agent.continuations_pruned_at.max(1024) {
        agent.continuations.retain(|weak| weak.strong_count() > 0);
        agent.continuations_pruned_at = agent.continuations.len();
    }
    ordinary_object_create_with(None, ObjectKind::Continuation(ContinuationHandle(cell)))
}

fn cell_of(object: &Object) -> Rc<ContinuationCell> {
    match &object.data().kind {
        ObjectKind::Continuation(handle) => handle.0.clone(),
        _ => unreachable!("continuation handles are internal objects of this kind"),
    }
}

/// Starts `body` on a new stack, in `context` (pushed onto the execution context stack
/// first, popped when the body completes), and runs it until it suspends or completes.
/// Returns what it suspended with, or its completion. A RangeError when no stack can be
/// had.
pub fn start(
    agent: &mut Agent,
    handle: &Object,
    context: ExecutionContext,
    body: impl FnOnce(&mut Agent) -> JsResult<Value> + 'static,
) -> JsResult<Value> {
    drop_collected_continuations();
    let stack = match PooledStack::take() {
        Ok(stack) => stack,
        Err(reason) => return Err(agent.range_error(&reason)),
    };
    let stack_limit = stack.limit_address();
    let coroutine = BodyCoroutine::with_stack(
        stack,
        move |yielder: &Yielder<Input, Value>, (agent, _first): Input| {
            // SAFETY: the resumer passed its own `&mut Agent` (see AgentPointer) and is
            // blocked in `resume` whenever this stack runs, so this is the only live use.
            let agent = unsafe { &mut *agent.0 };
            agent.yielder = yielder as *const Yielder<Input, Value> as usize;
            agent.execution_context_stack.push(context);
            let result = body(agent);
            agent.execution_context_stack.pop();
            result
        },
    );
    let continuation = Continuation {
        coroutine: Some(coroutine),
        stack_limit,
    };
    run(
        agent,
        handle,
        continuation,
        Resumption::Normal(Value::Undefined),
    )
}

/// Resumes the suspended body of `handle` with `resumption` until it suspends again or
/// completes. A TypeError if it is not suspended (already running or finished).
pub fn resume(agent: &mut Agent, handle: &Object, resumption: Resumption) -> JsResult<Value> {
    let cell = cell_of(handle);
    let continuation = cell.0.borrow_mut().take();
    match continuation {
        Some(continuation) => run_in(agent, handle, &cell, continuation, resumption),
        None => Err(agent.type_error("the suspended code is already running or has finished")),
    }
}

/// How many bodies may be running inside one another (a generator resuming a generator
/// resuming ...). Each runs on a stack of its own, so the running stack's own limit never
/// stops such a chain; this does, like the thread stack's limit stops plain recursion.
const MAX_NESTED_BODIES: usize = 4096;

fn run(
    agent: &mut Agent,
    handle: &Object,
    continuation: Continuation,
    resumption: Resumption,
) -> JsResult<Value> {
    run_in(agent, handle, &cell_of(handle), continuation, resumption)
}

/// [`run`] with the handle's cell at hand.
fn run_in(
    agent: &mut Agent,
    handle: &Object,
    cell: &ContinuationCell,
    mut continuation: Continuation,
    resumption: Resumption,
) -> JsResult<Value> {
    if agent.running_bodies >= MAX_NESTED_BODIES {
        // The body stays suspended (or, if it had not started, is dropped unstarted).
        if continuation.coroutine.as_ref().is_some_and(|c| c.started()) {
            *cell.0.borrow_mut() = Some(continuation);
        }
        return Err(agent.range_error("Maximum call stack size exceeded"));
    }
    agent.running_bodies += 1;
    let saved_limit = agent.stack_limit.replace(continuation.stack_limit);
    let saved_yielder = agent.yielder;
    let saved_offset = agent.current_offset;
    let saved_running = agent.running_continuation.replace(handle.clone());
    let pointer = AgentPointer(agent as *mut Agent);
    let result = continuation
        .coroutine
        .as_mut()
        .expect("a continuation owns its coroutine until it is dropped")
        .resume((pointer, resumption));
    agent.stack_limit = saved_limit;
    agent.yielder = saved_yielder;
    agent.current_offset = saved_offset;
    agent.running_continuation = saved_running;
    agent.running_bodies -= 1;
    match result {
        CoroutineResult::Yield(value) => {
            *cell.0.borrow_mut() = Some(continuation);
            Ok(value)
        }
        CoroutineResult::Return(completion) => completion,
    }
}

/// Suspends the running body: removes its execution context from the stack, passes
/// `value` to whoever resumed it, and returns the completion it is resumed with (its
/// context is back on top of the stack by then).
pub fn suspend(agent: &mut Agent, value: Value) -> Resumption {
    assert!(agent.yielder != 0, "only a coroutine body can suspend");
    let context = agent
        .execution_context_stack
        .pop()
        .expect("a running body has its execution context on the stack");
    let yielder = agent.yielder as *const Yielder<Input, Value>;
    let offset = agent.current_offset;
    // The resumer will use the agent while this body is suspended: make the pointer escape
    // so that nothing read from the agent before this point is assumed unchanged after it.
    std::hint::black_box(agent as *mut Agent);
    // SAFETY: `yielder` was stored by this body's own coroutine entry (or restored below
    // after the previous suspension) and lives in that entry's frame, which outlives the
    // body's execution.
    let (_, resumption) = unsafe { &*yielder }.suspend(value);
    std::hint::black_box(agent as *mut Agent);
    agent.yielder = yielder as usize;
    agent.current_offset = offset;
    agent.execution_context_stack.push(context);
    resumption
}

/// Unwinds every body that is still suspended (when the agent goes away), so that the
/// objects their frames hold can be collected.
pub fn unwind_all(continuations: &mut Vec<Weak<ContinuationCell>>) {
    for weak in continuations.drain(..) {
        if let Some(cell) = weak.upgrade() {
            let continuation = cell.0.borrow_mut().take();
            drop(continuation);
        }
    }
    drop_collected_continuations();
}
