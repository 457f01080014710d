//! 23.1.3 Properties of the Array Prototype Object: the methods that make a String (join,
//! toLocaleString, toString).

use super::constructor::call_value;
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::operations_on_objects::{get, index_key, invoke, length_of_array_like};
use crate::spec::string_type::{JsString, OrThrow, StringBuilder};
use crate::spec::testing_and_comparison::is_callable;
use crate::spec::type_conversion::{to_object, to_string};
use crate::spec::value::Value;

/// Array.prototype.join ( separator ) (23.1.3.18).
pub(super) fn join(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 3. If separator is undefined, let sep be ",".
    // 4. Else, let sep be ? ToString(separator).
    let separator = call.arg(0);
    let sep = if separator.is_undefined() {
        JsString::from(",")
    } else {
        to_string(agent, &separator)?
    };
    // 5. Let R be the empty String.
    let mut r = StringBuilder::new();
    // 6. Let k be 0.
    // 7. Repeat, while k < len,
    for k in 0..len {
        // (The host's limits: len is the program's.)
        agent.check_limits()?;
        // a. If k > 0, set R to the string-concatenation of R and sep.
        if k > 0 {
            r.extend(sep.units()).or_throw(agent)?;
        }
        // b. Let element be ? Get(O, ! ToString(𝔽(k))).
        let element = get(agent, &o, &index_key(k))?;
        // c. If element is either undefined or null, let next be the empty String;
        //    otherwise, let next be ? ToString(element).
        // d. Set R to the string-concatenation of R and next.
        if !element.is_nullish() {
            let next = to_string(agent, &element)?;
            r.extend(next.units()).or_throw(agent)?;
        }
        // e. Set k to k + 1.
    }
    // 8. Return R.
    Ok(Value::String(r.build()))
}

/// Array.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] ) (23.1.3.32).
pub(super) fn to_locale_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let array be ? ToObject(this value).
    let array = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(array).
    let len = length_of_array_like(agent, &array)?;
    // 3. Let separator be the implementation-defined list-separator String appropriate
    //    for the host environment's current locale (such as ", "). (This implementation
    //    uses ",".)
    // 4. Let R be the empty String.
    let mut r = StringBuilder::new();
    // 5. Let k be 0.
    // 6. Repeat, while k < len,
    for k in 0..len {
        // (The host's limits: len is the program's.)
        agent.check_limits()?;
        // a. If k > 0, set R to the string-concatenation of R and separator.
        if k > 0 {
            r.push(u16::from(b',')).or_throw(agent)?;
        }
        // b. Let element be ? Get(array, ! ToString(𝔽(k))).
        let element = get(agent, &array, &index_key(k))?;
        // c. If element is neither undefined nor null, then
        if !element.is_nullish() {
            // i. Let S be ? ToString(? Invoke(element, "toLocaleString")).
            // ii. Set R to the string-concatenation of R and S.
            let result = invoke(agent, &element, &"toLocaleString".into(), &[])?;
            let s = to_string(agent, &result)?;
            r.extend(s.units()).or_throw(agent)?;
        }
        // d. Set k to k + 1.
    }
    // 7. Return R.
    Ok(Value::String(r.build()))
}

/// Array.prototype.toString ( ) (23.1.3.36), given its realm's %Object.prototype.toString%.
pub(super) fn to_string_method(
    agent: &mut Agent,
    call: &BuiltinCall,
    object_prototype_to_string: &Value,
) -> JsResult<Value> {
    // 1. Let array be ? ToObject(this value).
    let array = to_object(agent, call.this)?;
    // 2. Let func be ? Get(array, "join").
    let mut func = get(agent, &array, &"join".into())?;
    // 3. If IsCallable(func) is false, set func to the intrinsic function
    //    %Object.prototype.toString%.
    if !is_callable(&func) {
        func = object_prototype_to_string.clone();
    }
    // 4. Return ? Call(func, array).
    call_value(agent, &func, &Value::Object(array), &[])
}
