//! 22.2.4 The RegExp Constructor and 22.2.5 Properties of the RegExp Constructor
//! (get RegExp [ %Symbol.species% ]).

use super::creation::{regexp_alloc, regexp_initialize};
use super::matcher::regexp_slots;
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::builtins::string::operations::is_regexp;
use crate::spec::completion_record::JsResult;
use crate::spec::operations_on_objects::get;
use crate::spec::testing_and_comparison::same_value;
use crate::spec::value::Value;

/// RegExp ( pattern, flags ) (22.2.4.1).
pub(super) fn regexp_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let pattern = call.arg(0);
    let flags = call.arg(1);
    // 1. Let patternIsRegExp be ? IsRegExp(pattern).
    let pattern_is_regexp = is_regexp(agent, &pattern)?;
    let new_target = match call.new_target {
        // 2. If NewTarget is undefined, then
        None => {
            // a. Let newTarget be the active function object.
            let new_target = call.callee.clone();
            // b. If patternIsRegExp is true and flags is undefined, then
            if pattern_is_regexp && flags.is_undefined() {
                // i. Let patternConstructor be ? Get(pattern, "constructor").
                let Value::Object(pattern_object) = &pattern else {
                    unreachable!("IsRegExp is true only for an Object");
                };
                let pattern_constructor = get(agent, pattern_object, &"constructor".into())?;
                // ii. If SameValue(newTarget, patternConstructor) is true, return pattern.
                if same_value(&Value::Object(new_target.clone()), &pattern_constructor) {
                    return Ok(pattern);
                }
            }
            new_target
        }
        // 3. Else,
        //    a. Let newTarget be NewTarget.
        Some(new_target) => new_target.clone(),
    };
    let slots = match &pattern {
        Value::Object(o) => regexp_slots(o),
        _ => None,
    };
    let (p, f) = if let Some((source, original_flags, _)) = slots {
        // 4. If pattern is an Object and pattern has a [[RegExpMatcher]] internal slot, then
        //    a. Let P be pattern.[[OriginalSource]].
        //    b. If flags is undefined, let F be pattern.[[OriginalFlags]].
        //    c. Else, let F be flags.
        let f = if flags.is_undefined() {
            Value::String(original_flags)
        } else {
            flags
        };
        (Value::String(source), f)
    } else if pattern_is_regexp {
        // 5. Else if patternIsRegExp is true, then
        let Value::Object(pattern_object) = &pattern else {
            unreachable!("IsRegExp is true only for an Object");
        };
        //    a. Let P be ? Get(pattern, "source").
        let p = get(agent, pattern_object, &"source".into())?;
        //    b. If flags is undefined, then
        //       i. Let F be ? Get(pattern, "flags").
        //    c. Else,
        //       i. Let F be flags.
        let f = if flags.is_undefined() {
            get(agent, pattern_object, &"flags".into())?
        } else {
            flags
        };
        (p, f)
    } else {
        // 6. Else,
        //    a. Let P be pattern.
        //    b. Let F be flags.
        (pattern, flags)
    };
    // 7. Let O be ? RegExpAlloc(newTarget).
    let o = regexp_alloc(agent, &new_target)?;
    // 8. Return ? RegExpInitialize(O, P, F).
    Ok(Value::Object(regexp_initialize(agent, &o, &p, &f)?))
}

/// get RegExp [ %Symbol.species% ] (22.2.5.2).
pub(super) fn get_species(_agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return the this value.
    Ok(call.this.clone())
}
