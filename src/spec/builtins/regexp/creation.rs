//! 22.2.3 Abstract Operations for RegExp Creation: RegExpCreate, RegExpAlloc,
//! RegExpInitialize.

use super::matcher::{compile_pattern, RegExpSlots};
use crate::spec::agents::Agent;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::Object;
use crate::spec::operations_on_objects::{define_property_or_throw, set};
use crate::spec::ordinary_object_internal_methods::ordinary_create_from_constructor;
use crate::spec::property_descriptor::PropertyDescriptor;
use crate::spec::realms::Intrinsic;
use crate::spec::string_type::JsString;
use crate::spec::type_conversion::to_string;
use crate::spec::value::Value;

/// RegExpCreate ( P, F ) (22.2.3.1).
pub fn regexp_create(agent: &mut Agent, p: &Value, f: &Value) -> JsResult<Object> {
    // 1. Let obj be ! RegExpAlloc(%RegExp%).
    crate::step!("sec-regexpcreate", "1");
    let regexp = agent.intrinsic(Intrinsic::RegExp);
    let obj = regexp_alloc(agent, &regexp)?;
    // 2. Return ? RegExpInitialize(obj, P, F).
    crate::step!("sec-regexpcreate", "2");
    regexp_initialize(agent, &obj, p, f)
}

/// RegExpAlloc ( newTarget ) (22.2.3.2).
pub fn regexp_alloc(agent: &mut Agent, new_target: &Object) -> JsResult<Object> {
    // 1. Let obj be ? OrdinaryCreateFromConstructor(newTarget, "%RegExp.prototype%", «
    //    [[OriginalSource]], [[OriginalFlags]], [[RegExpRecord]], [[RegExpMatcher]] »).
    crate::step!("sec-regexpalloc", "1");
    let obj = ordinary_create_from_constructor(
        agent,
        new_target,
        Intrinsic::RegExpPrototype,
        ObjectKind::RegExp(None),
    )?;
    // 2. Perform ! DefinePropertyOrThrow(obj, "lastIndex", PropertyDescriptor {
    //    [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: false }).
    crate::step!("sec-regexpalloc", "2");
    let desc = PropertyDescriptor {
        writable: Some(true),
        enumerable: Some(false),
        configurable: Some(false),
        ..Default::default()
    };
    define_property_or_throw(agent, &obj, &"lastIndex".into(), desc)?;
    // 3. Return obj.
    crate::step!("sec-regexpalloc", "3");
    Ok(obj)
}

/// RegExpInitialize ( obj, pattern, flags ) (22.2.3.3).
pub fn regexp_initialize(
    agent: &mut Agent,
    obj: &Object,
    pattern: &Value,
    flags: &Value,
) -> JsResult<Object> {
    // 1. If pattern is undefined, let P be the empty String.
    // 2. Else, let P be ? ToString(pattern).
    let p = if pattern.is_undefined() {
        JsString::default()
    } else {
        to_string(agent, pattern)?
    };
    // 3. If flags is undefined, let F be the empty String.
    // 4. Else, let F be ? ToString(flags).
    let f = if flags.is_undefined() {
        JsString::default()
    } else {
        to_string(agent, flags)?
    };
    // 5.-15., 18.-21. (compile_pattern)
    let matcher = match compile_pattern(&p, &f) {
        Ok(matcher) => matcher,
        Err(message) => {
            return Err(agent.syntax_error(&format!(
                "Invalid regular expression: /{}/{}: {message}",
                shortened(&p),
                shortened(&f)
            )))
        }
    };
    // 16. Set obj.[[OriginalSource]] to P.
    // 17. Set obj.[[OriginalFlags]] to F.
    // 20. Set obj.[[RegExpRecord]] to rer.
    // 21. Set obj.[[RegExpMatcher]] to CompilePattern of parseResult with argument rer.
    obj.data_mut().kind = ObjectKind::RegExp(Some(Box::new(RegExpSlots {
        original_source: p,
        original_flags: f,
        matcher,
    })));
    // 22. Perform ? Set(obj, "lastIndex", +0𝔽, true).
    set(agent, obj, &"lastIndex".into(), Value::Number(0.0), true)?;
    // 23. Return obj.
    Ok(obj.clone())
}

/// `s` for an error message: its first 80 characters, then "…" if there are more.
fn shortened(s: &JsString) -> String {
    const SHOWN: usize = 80;
    let text = s.to_rust_string();
    match text.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}
