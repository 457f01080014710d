//! 22.2.9 RegExp String Iterator Objects (sec-regexp-string-iterator-objects):
//! CreateRegExpStringIterator and %RegExpStringIteratorPrototype%.
//!
//! The spec makes the iterator with CreateIteratorFromClosure from an abstract closure
//! that loops over RegExpExec and yields each match. The closure's state between two
//! yields is entirely in its captures (R, S, global, fullUnicode) plus where it stopped,
//! so the iterator keeps those and `next` runs the closure's loop body from the top: the
//! generator states are [[GeneratorState]] (suspended, executing, completed) of
//! GeneratorValidate and GeneratorResume.

use super::helpers::{define_method, define_value};
use super::regexp::{matching::regexp_exec, symbol_methods::advance_last_index};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_iterator_objects::create_iterator_result_object;
use crate::spec::operations_on_objects::get;
use crate::spec::ordinary_object_internal_methods::{
    ordinary_object_create, ordinary_object_create_with,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::string_type::JsString;
use crate::spec::type_conversion::{to_object, to_string};
use crate::spec::value::Value;
use boa_gc::{Finalize, Trace};

/// The [[GeneratorState]] of a RegExp String Iterator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub enum IteratorState {
    /// suspended-start or suspended-yield: the next `next` runs the loop again.
    Suspended,
    /// executing: a `next` is running (a re-entrant `next` is a TypeError).
    Executing,
    /// completed.
    Completed,
}

/// The captures of CreateRegExpStringIterator's closure and the generator's state.
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct RegExpStringIteratorData {
    /// R.
    pub iterating_regexp: Object,
    /// S.
    pub iterated_string: JsString,
    /// global.
    pub global: bool,
    /// fullUnicode.
    pub unicode: bool,
    pub state: IteratorState,
}

/// CreateRegExpStringIterator ( R, S, global, fullUnicode ) (22.2.9.1).
pub fn create_regexp_string_iterator(
    agent: &mut Agent,
    r: Object,
    s: JsString,
    global: bool,
    full_unicode: bool,
) -> Object {
    // (The draft's text, which stores the closure's captures in slots as this code does;
    // [[Done]] is the state Suspended / Completed, with Executing for a running `next`.)
    // 1. Let iterator be OrdinaryObjectCreate(%RegExpStringIteratorPrototype%, «
    //    [[IteratingRegExp]], [[IteratedString]], [[Global]], [[Unicode]], [[Done]] »).
    crate::step!("sec-createregexpstringiterator", "1");
    let proto = agent.intrinsic(Intrinsic::RegExpStringIteratorPrototype);
    // 2. Set iterator.[[IteratingRegExp]] to R.
    crate::step!("sec-createregexpstringiterator", "2");
    // 3. Set iterator.[[IteratedString]] to S.
    crate::step!("sec-createregexpstringiterator", "3");
    // 4. Set iterator.[[Global]] to global.
    crate::step!("sec-createregexpstringiterator", "4");
    // 5. Set iterator.[[Unicode]] to fullUnicode.
    crate::step!("sec-createregexpstringiterator", "5");
    // 6. Set iterator.[[Done]] to false.
    crate::step!("sec-createregexpstringiterator", "6");
    let iterator = ordinary_object_create_with(
        Some(proto),
        ObjectKind::RegExpStringIterator(Box::new(RegExpStringIteratorData {
            iterating_regexp: r,
            iterated_string: s,
            global,
            unicode: full_unicode,
            state: IteratorState::Suspended,
        })),
    );
    // 7. Return iterator.
    crate::step!("sec-createregexpstringiterator", "7");
    iterator
}

fn set_state(o: &Object, state: IteratorState) {
    if let ObjectKind::RegExpStringIterator(data) = &mut o.data_mut().kind {
        data.state = state;
    }
}

/// %RegExpStringIteratorPrototype%.next ( ) (22.2.9.2.1).
fn next(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return ? GeneratorResume(this value, empty, "%RegExpStringIteratorPrototype%").
    //    GeneratorValidate: the this value must be such an iterator, and not executing.
    let o = match call.this {
        Value::Object(o) => o.clone(),
        _ => {
            return Err(
                agent.type_error("%RegExpStringIteratorPrototype%.next called on a non-object")
            )
        }
    };
    let captures = match &o.data().kind {
        ObjectKind::RegExpStringIterator(data) => Some((
            data.iterating_regexp.clone(),
            data.iterated_string.clone(),
            data.global,
            data.unicode,
            data.state,
        )),
        _ => None,
    };
    let Some((r, s, global, full_unicode, state)) = captures else {
        return Err(agent.type_error(
            "%RegExpStringIteratorPrototype%.next called on an incompatible receiver",
        ));
    };
    match state {
        IteratorState::Executing => {
            return Err(agent.type_error("the RegExp String Iterator is already running"))
        }
        // GeneratorResume on a completed generator: CreateIteratorResultObject(undefined,
        // true).
        IteratorState::Completed => {
            return Ok(Value::Object(create_iterator_result_object(
                agent,
                Value::Undefined,
                true,
            )))
        }
        IteratorState::Suspended => {}
    }
    set_state(&o, IteratorState::Executing);
    let result = closure_step(agent, &r, &s, global, full_unicode);
    // An abrupt completion or a return completes the generator; a yield suspends it.
    match &result {
        Ok(Some(_)) if global => set_state(&o, IteratorState::Suspended),
        _ => set_state(&o, IteratorState::Completed),
    }
    Ok(Value::Object(match result? {
        Some(m) => create_iterator_result_object(agent, m, false),
        None => create_iterator_result_object(agent, Value::Undefined, true),
    }))
}

/// One turn of the loop of CreateRegExpStringIterator's closure, up to its next yield
/// (`Some(match)`) or its return (`None`). When global is false the closure returns right
/// after its single yield; the caller completes the generator then.
fn closure_step(
    agent: &mut Agent,
    r: &Object,
    s: &JsString,
    global: bool,
    full_unicode: bool,
) -> JsResult<Option<Value>> {
    // a. Repeat,
    //    i. Let match be ? RegExpExec(R, S).
    let m = regexp_exec(agent, r, s)?;
    //    ii. If match is null, return NormalCompletion(undefined).
    if matches!(m, Value::Null) {
        return Ok(None);
    }
    //    iii. If global is false, then
    //         1. Perform ? GeneratorYield(CreateIteratorResultObject(match, false)).
    //         2. Return NormalCompletion(undefined).
    if !global {
        return Ok(Some(m));
    }
    //    iv. Let matchStr be ? ToString(? Get(match, "0")).
    let match_object = to_object(agent, &m)?;
    let match_str = get(agent, &match_object, &"0".into())?;
    let match_str = to_string(agent, &match_str)?;
    //    v. If matchStr is the empty String, then
    //       1. Let thisIndex be ℝ(? ToLength(? Get(R, "lastIndex"))).
    //       2. Let nextIndex be AdvanceStringIndex(S, thisIndex, fullUnicode).
    //       3. Perform ? Set(R, "lastIndex", 𝔽(nextIndex), true).
    if match_str.is_empty() {
        advance_last_index(agent, r, s, full_unicode)?;
    }
    //    vi. Perform ? GeneratorYield(CreateIteratorResultObject(match, false)).
    Ok(Some(m))
}

/// The %RegExpStringIteratorPrototype% object (22.2.9.2).
pub fn create_regexp_string_iterator_prototype(agent: &mut Agent, realm: &Realm) {
    // "has a [[Prototype]] internal slot whose value is %Iterator.prototype%."
    let prototype = ordinary_object_create(Some(realm.intrinsic(Intrinsic::IteratorPrototype)));
    realm.set_intrinsic(Intrinsic::RegExpStringIteratorPrototype, prototype.clone());
    define_method(agent, &prototype, "next", 0, next);
    // 22.2.9.2.2 %RegExpStringIteratorPrototype% [ %Symbol.toStringTag% ]: "RegExp String
    // Iterator", { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(
        &prototype,
        tag,
        Value::string("RegExp String Iterator"),
        false,
        false,
        true,
    );
}
