//! B.2.2 Additional Properties of the String.prototype Object: substr and the HTML
//! methods (CreateHTML).

use super::operations::this_string;
use super::transforms::relative_start;
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::string_type::{OrThrow, StringBuilder};
use crate::spec::testing_and_comparison::require_object_coercible;
use crate::spec::type_conversion::{to_integer_or_infinity, to_string};
use crate::spec::value::Value;

/// String.prototype.substr ( start, length ) (B.2.2.1).
pub(super) fn substr(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(agent, call)?;
    // 3. Let size be the length of S.
    let size = s.len() as f64;
    // 4. Let intStart be ? ToIntegerOrInfinity(start).
    let int_start = to_integer_or_infinity(agent, &call.arg(0))?;
    // 5. If intStart = -∞, set intStart to 0.
    // 6. Else if intStart < 0, set intStart to max(size + intStart, 0).
    // 7. Else, set intStart to min(intStart, size).
    let int_start = relative_start(int_start, size);
    // 8. If length is undefined, let intLength be size; otherwise let intLength be ?
    //    ToIntegerOrInfinity(length).
    let length = call.arg(1);
    let int_length = if length.is_undefined() {
        size
    } else {
        to_integer_or_infinity(agent, &length)?
    };
    // 9. Set intLength to the result of clamping intLength between 0 and size.
    let int_length = int_length.max(0.0).min(size);
    // 10. Let intEnd be min(intStart + intLength, size).
    let int_end = (int_start + int_length).min(size);
    // 11. Return the substring of S from intStart to intEnd.
    Ok(Value::String(s.substring(
        int_start as usize,
        (int_end as usize).max(int_start as usize),
    )))
}

/// CreateHTML ( string, tag, attribute, value ) (B.2.2.2.1).
fn create_html(
    agent: &mut Agent,
    string: &Value,
    tag: &str,
    attribute: Option<(&str, &Value)>,
) -> JsResult<Value> {
    // 1. Let str be ? RequireObjectCoercible(string).
    require_object_coercible(agent, string)?;
    // 2. Let S be ? ToString(str).
    let s = to_string(agent, string)?;
    // 3. Let p1 be the string-concatenation of "<" and tag.
    let mut p1 = StringBuilder::new();
    p1.push_str(&format!("<{tag}")).or_throw(agent)?;
    // 4. If attribute is not the empty String, then
    if let Some((attribute, value)) = attribute {
        // a. Let V be ? ToString(value).
        let v = to_string(agent, value)?;
        // b. Let escapedV be the String value that is the same as V except that each
        //    occurrence of the code unit 0x0022 (QUOTATION MARK) in V has been replaced
        //    with the six code unit sequence "&quot;".
        // c. Set p1 to the string-concatenation of: p1, the code unit 0x0020 (SPACE),
        //    attribute, the code unit 0x003D (EQUALS SIGN), the code unit 0x0022
        //    (QUOTATION MARK), escapedV, the code unit 0x0022 (QUOTATION MARK).
        p1.push_str(&format!(" {attribute}=\"")).or_throw(agent)?;
        for &u in v.units() {
            if u == u16::from(b'"') {
                p1.push_str("&quot;").or_throw(agent)?;
            } else {
                p1.push(u).or_throw(agent)?;
            }
        }
        p1.push(u16::from(b'"')).or_throw(agent)?;
    }
    // 5. Let p2 be the string-concatenation of p1 and ">".
    // 6. Let p3 be the string-concatenation of p2 and S.
    // 7. Let p4 be the string-concatenation of p3, "</", tag, and ">".
    // 8. Return p4.
    p1.push(u16::from(b'>')).or_throw(agent)?;
    p1.extend(s.units()).or_throw(agent)?;
    p1.push_str(&format!("</{tag}>")).or_throw(agent)?;
    Ok(Value::String(p1.build()))
}

macro_rules! html_methods {
    ($($fn_name:ident => $tag:literal $(, $attribute:literal)?);* $(;)?) => {
        $(
            /// An Annex B HTML method (B.2.2.2-B.2.2.14): CreateHTML(this value, tag,
            /// attribute, value).
            pub(super) fn $fn_name(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
                #[allow(unused_variables)]
                let value = call.arg(0);
                #[allow(unused_mut, unused_assignments)]
                let mut attribute: Option<(&str, &Value)> = None;
                $(attribute = Some(($attribute, &value));)?
                create_html(agent, call.this, $tag, attribute)
            }
        )*
    };
}

html_methods! {
    anchor => "a", "name";
    big => "big";
    blink => "blink";
    bold => "b";
    fixed => "tt";
    fontcolor => "font", "color";
    fontsize => "font", "size";
    italics => "i";
    link => "a", "href";
    small => "small";
    strike => "strike";
    sub => "sub";
    sup => "sup";
}
