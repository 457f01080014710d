//! 6.2.4 The Completion Record Specification Type (sec-completion-record-specification-type).
//!
//! A throw completion is `Err(value)` of a [`JsResult`], so that the spec's `?` is Rust's
//! `?`. Statements also complete with return, break and continue: a [`Completion`] in the
//! `Ok` side of a [`StatementResult`].
//!
//! Return completions inside expressions: expressions have only normal and throw
//! completions (`JsResult<Value>`), but a `yield` can be resumed with a return completion
//! (`generator.return(v)`). It travels on the error channel as a *return signal* — an
//! internal object no script can see — until the enclosing statement turns it back into a
//! return completion. IteratorClose treats it as the non-throw completion it is.

use super::execution_context_suspension::Resumption;
use super::object_kinds::ObjectKind;
use super::ordinary_object_internal_methods::ordinary_object_create_with;
use super::value::Value;

/// A normal completion holding `T`, or a throw completion holding the thrown value.
pub type JsResult<T> = Result<T, Value>;

/// The non-throw completions of statements. `None` values are ~empty~.
#[derive(Clone, Debug)]
pub enum Completion {
    Normal(Option<Value>),
    Return(Value),
    Break(Option<String>, Option<Value>),
    Continue(Option<String>, Option<Value>),
}

/// What evaluating a statement gives.
pub type StatementResult = JsResult<Completion>;

impl Completion {
    /// The [[Value]] field (~empty~ is `None`).
    pub fn value(&self) -> Option<&Value> {
        match self {
            Completion::Normal(v) | Completion::Break(_, v) | Completion::Continue(_, v) => {
                v.as_ref()
            }
            Completion::Return(v) => Some(v),
        }
    }

    pub fn is_abrupt(&self) -> bool {
        !matches!(self, Completion::Normal(_))
    }

    /// UpdateEmpty ( completionRecord, value ) (6.2.4.4), for the non-throw completions
    /// (a throw completion is an `Err` and its [[Value]] is never empty: `?` returns it).
    #[crate::trace::checks_tracing_once]
    #[inline]
    pub fn update_empty(self, value: Option<Value>) -> Completion {
        // 1. Assert: If completionRecord is either a return completion or a throw
        //    completion, then completionRecord.[[Value]] is not empty.
        crate::spec_assert!(
            "sec-updateempty",
            "1",
            by: "Completion::Return holds a Value, and a throw completion is an Err holding one"
        );
        // 2. If completionRecord.[[Value]] is not empty, return ? completionRecord.
        crate::step!("sec-updateempty", "2");
        if self.value().is_some() {
            return self;
        }
        // 3. Return Completion Record { [[Type]]: completionRecord.[[Type]], [[Value]]:
        //    value, [[Target]]: completionRecord.[[Target]] }.
        crate::step!("sec-updateempty", "3");
        match self {
            Completion::Normal(None) => Completion::Normal(value),
            Completion::Break(target, None) => Completion::Break(target, value),
            Completion::Continue(target, None) => Completion::Continue(target, value),
            other => other,
        }
    }
}

/// A return completion carrying `value`, as an error-channel value.
pub fn return_signal(value: Value) -> Value {
    Value::Object(ordinary_object_create_with(
        None,
        ObjectKind::ReturnSignal(Box::new(value)),
    ))
}

/// Whether an error-channel value is a return signal rather than a thrown value.
pub fn is_return_signal(value: &Value) -> bool {
    matches!(value, Value::Object(o) if matches!(o.data().kind, ObjectKind::ReturnSignal(_)))
}

/// A statement's completion for an error-channel value: the return completion a return
/// signal carries, or the throw completion.
pub fn return_signal_to_completion(error: Value) -> StatementResult {
    if let Value::Object(o) = &error {
        if let ObjectKind::ReturnSignal(value) = &o.data().kind {
            return Ok(Completion::Return(Value::clone(value)));
        }
    }
    Err(error)
}

/// A resumption as the result of the operation that suspended: its value, a throw, or a
/// return signal.
pub fn resumption_result(resumption: Resumption) -> JsResult<Value> {
    match resumption {
        Resumption::Normal(value) => Ok(value),
        Resumption::Throw(value) => Err(value),
        Resumption::Return(value) => Err(return_signal(value)),
    }
}
