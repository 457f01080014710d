//! 27.2 Promise Objects (sec-promise-objects): Promise Abstract Operations (27.2.1) and
//! Promise Jobs (27.2.2). The constructor and prototype are in builtins/promise.rs.

use super::object_type::Object;
use super::value::Value;
use boa_gc::{Finalize, Trace};

/// [[PromiseState]].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub enum PromiseState {
    Pending,
    Fulfilled,
    Rejected,
}

/// The internal slots of a Promise instance (Table 91).
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct PromiseData {
    pub state: PromiseState,
    /// [[PromiseResult]] (undefined while pending).
    pub result: Value,
    /// [[PromiseFulfillReactions]] (emptied when the promise settles).
    pub fulfill_reactions: Vec<PromiseReaction>,
    /// [[PromiseRejectReactions]].
    pub reject_reactions: Vec<PromiseReaction>,
    /// [[PromiseIsHandled]].
    pub is_handled: bool,
}

/// A PromiseCapability Record (27.2.1.1).
#[derive(Clone, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct PromiseCapability {
    /// [[Promise]].
    pub promise: Object,
    /// [[Resolve]].
    pub resolve: Value,
    /// [[Reject]].
    pub reject: Value,
}

/// [[Type]] of a PromiseReaction Record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub enum PromiseReactionType {
    Fulfill,
    Reject,
}

/// A PromiseReaction Record (27.2.1.2). [[Handler]] is a JobCallback Record or empty; the
/// default HostMakeJobCallback adds nothing to the callback, so the callback is kept.
#[derive(Clone, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct PromiseReaction {
    /// [[Capability]] (undefined for Await's and the async iteration reactions).
    pub capability: Option<PromiseCapability>,
    pub kind: PromiseReactionType,
    /// [[Handler]]: `None` is empty.
    pub handler: Option<Value>,
}
