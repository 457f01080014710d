//! 6.2.4 The Completion Record Specification Type (sec-completion-record-specification-type).
//!
//! A throw completion is `Err(value)` of a [`JsResult`], so that the spec's `?` is Rust's
//! `?`. Statements also complete with return, break and continue: a [`Completion`] in the
//! `Ok` side of a [`StatementResult`].

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

    /// UpdateEmpty(completionRecord, value) (6.2.4.4):
    /// 1. Assert: If completionRecord is either a return completion or a throw completion,
    ///    then completionRecord.[[Value]] is not ~empty~.
    /// 2. If completionRecord.[[Value]] is not ~empty~, return ? completionRecord.
    /// 3. Return Completion Record { [[Type]]: completionRecord.[[Type]], [[Value]]: value,
    ///    [[Target]]: completionRecord.[[Target]] }.
    pub fn update_empty(self, value: Option<Value>) -> Completion {
        match self {
            Completion::Normal(None) => Completion::Normal(value),
            Completion::Break(target, None) => Completion::Break(target, value),
            Completion::Continue(target, None) => Completion::Continue(target, value),
            other => other,
        }
    }
}
