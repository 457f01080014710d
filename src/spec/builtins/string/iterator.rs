//! String.prototype [ %Symbol.iterator% ] (22.1.3.36) and %StringIteratorPrototype%.next
//! (22.1.5.1.1).

use super::operations::{code_point_at, this_string};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::operations_on_iterator_objects::create_iterator_result_object;
use crate::spec::ordinary_object_internal_methods::ordinary_object_create_with;
use crate::spec::realms::Intrinsic;
use crate::spec::value::Value;

/// String.prototype [ %Symbol.iterator% ] ( ) (22.1.3.36).
pub(super) fn iterator(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let s be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Let closure be a new Abstract Closure with no parameters that captures s and
    //    performs the following steps when called: ... (the steps are those of
    //    %StringIteratorPrototype%.next, over the iterator's [[IteratedString]] and
    //    position).
    // 4. Return CreateIteratorFromClosure(closure, "%StringIteratorPrototype%",
    //    %StringIteratorPrototype%).
    let proto = agent.intrinsic(Intrinsic::StringIteratorPrototype);
    Ok(Value::Object(ordinary_object_create_with(
        Some(proto),
        ObjectKind::StringIterator(Box::new((s, 0))),
    )))
}

/// %StringIteratorPrototype%.next ( ) (22.1.5.1.1): GeneratorResume(this value, empty,
/// "%StringIteratorPrototype%") running the closure of String.prototype [
/// %Symbol.iterator% ].
pub(super) fn string_iterator_next(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let Value::Object(o) = call.this else {
        return Err(agent.type_error("%StringIteratorPrototype%.next called on a non-object"));
    };
    let state = match &o.data().kind {
        ObjectKind::StringIterator(state) => Some((state.0.clone(), state.1)),
        _ => None,
    };
    let Some((s, position)) = state else {
        return Err(
            agent.type_error("%StringIteratorPrototype%.next called on an incompatible receiver")
        );
    };
    // a. Let len be the length of s.
    // b. Let position be 0.
    // c. Repeat, while position < len,
    if position < s.len() {
        // i. Let cp be CodePointAt(s, position).
        let cp = code_point_at(s.units(), position);
        // ii. Let nextIndex be position + cp.[[CodeUnitCount]].
        let next_index = position + cp.code_unit_count;
        // iii. Let resultString be the substring of s from position to nextIndex.
        let result_string = s.substring(position, next_index);
        // iv. Set position to nextIndex.
        if let ObjectKind::StringIterator(state) = &mut o.data_mut().kind {
            state.1 = next_index;
        }
        // v. Perform ? GeneratorYield(CreateIteratorResultObject(resultString, false)).
        return Ok(Value::Object(create_iterator_result_object(
            agent,
            Value::String(result_string),
            false,
        )));
    }
    // d. Return NormalCompletion(unused).
    Ok(Value::Object(create_iterator_result_object(
        agent,
        Value::Undefined,
        true,
    )))
}
