//! 22.2.6 Properties of the RegExp Prototype Object: exec, the flags and source accessors
//! (with RegExpHasFlag, 22.2.6.4.1, and EscapeRegExpPattern, 22.2.6.13.1), test, toString,
//! and Annex B's compile (B.2.4.1).

use super::creation::regexp_initialize;
use super::matcher::regexp_slots;
use super::matching::{regexp_builtin_exec, regexp_exec};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::InternalSlot;
use crate::spec::object_type::Object;
use crate::spec::operations_on_objects::get;
use crate::spec::ordinary_object_internal_methods::require_internal_slot;
use crate::spec::realms::Intrinsic;
use crate::spec::string_type::{JsString, OrThrow, StringBuilder, StringError};
use crate::spec::type_conversion::{to_boolean, to_string};
use crate::spec::value::Value;

/// EscapeRegExpPattern ( P, F ) (22.2.6.13.1): `/` and line terminators escaped, so that
/// "/" + source + "/" + flags parses back to an equivalent literal; "(?:)" for "".
pub fn escape_regexp_pattern(p: &JsString) -> Result<JsString, StringError> {
    if p.is_empty() {
        return Ok(JsString::from("(?:)"));
    }
    let mut out = StringBuilder::with_capacity(p.len());
    let units = p.units();
    let mut in_class = false;
    let mut i = 0;
    while i < units.len() {
        let u = units[i];
        match u {
            0x5C => {
                // `\` and the code unit it escapes stay as they are (an escaped line
                // terminator becomes an escape sequence).
                out.push(u)?;
                if let Some(&next) = units.get(i + 1) {
                    match next {
                        0x0A => out.push_str("n")?,
                        0x0D => out.push_str("r")?,
                        0x2028 => out.push_str("u2028")?,
                        0x2029 => out.push_str("u2029")?,
                        _ => out.push(next)?,
                    }
                    i += 1;
                }
            }
            0x2F if !in_class => out.push_str("\\/")?,
            0x5B => {
                in_class = true;
                out.push(u)?;
            }
            0x5D => {
                in_class = false;
                out.push(u)?;
            }
            0x0A => out.push_str("\\n")?,
            0x0D => out.push_str("\\r")?,
            0x2028 => out.push_str("\\u2028")?,
            0x2029 => out.push_str("\\u2029")?,
            _ => out.push(u)?,
        }
        i += 1;
    }
    Ok(out.build())
}

/// "If R is not an Object, throw a TypeError exception."
pub(super) fn this_object(agent: &mut Agent, call: &BuiltinCall, method: &str) -> JsResult<Object> {
    match call.this {
        Value::Object(o) => Ok(o.clone()),
        _ => Err(agent.type_error(&format!("RegExp.prototype.{method} called on a non-object"))),
    }
}

/// RegExp.prototype.exec ( string ) (22.2.6.2).
pub(super) fn exec(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let R be the this value.
    // 2. Perform ? RequireInternalSlot(R, [[RegExpMatcher]]).
    let r = require_internal_slot(
        agent,
        call.this,
        InternalSlot::RegExpMatcher,
        "RegExp.prototype.exec",
    )?;
    // 3. Let S be ? ToString(string).
    let s = to_string(agent, &call.arg(0))?;
    // 4. Return ? RegExpBuiltinExec(R, S).
    regexp_builtin_exec(agent, &r, &s)
}

/// get RegExp.prototype.flags (22.2.6.4).
pub(super) fn get_flags(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let R be the this value.
    // 2. If R is not an Object, throw a TypeError exception.
    let r = this_object(agent, call, "flags")?;
    // 3. Let codeUnits be a new empty List.
    let mut code_units = String::new();
    // 4. Let hasIndices be ToBoolean(? Get(R, "hasIndices")).
    // 5. If hasIndices is true, append the code unit 0x0064 (LATIN SMALL LETTER D) to
    //    codeUnits.
    // 6.-17. The same for "global" (g), "ignoreCase" (i), "multiline" (m), "dotAll" (s),
    //    "unicode" (u), "unicodeSets" (v) and "sticky" (y), in this order.
    for (name, flag) in [
        ("hasIndices", 'd'),
        ("global", 'g'),
        ("ignoreCase", 'i'),
        ("multiline", 'm'),
        ("dotAll", 's'),
        ("unicode", 'u'),
        ("unicodeSets", 'v'),
        ("sticky", 'y'),
    ] {
        let value = get(agent, &r, &name.into())?;
        if to_boolean(&value) {
            code_units.push(flag);
        }
    }
    // 18. Return the String value whose code units are the elements of the List
    //     codeUnits. If codeUnits has no elements, the empty String is returned.
    Ok(Value::string(&code_units))
}

/// RegExpHasFlag ( R, codeUnit ) (22.2.6.4.1).
fn regexp_has_flag(agent: &mut Agent, r: &Value, code_unit: char, name: &str) -> JsResult<Value> {
    // 1. If R is not an Object, throw a TypeError exception.
    crate::step!("sec-regexphasflag", "1");
    let Value::Object(r) = r else {
        return Err(agent.type_error(&format!(
            "RegExp.prototype.{name} getter called on a non-object"
        )));
    };
    // 2. If R does not have an [[OriginalFlags]] internal slot, then
    crate::step!("sec-regexphasflag", "2");
    let Some((_, flags, _)) = regexp_slots(r) else {
        // a. If SameValue(R, %RegExp.prototype%) is true, return undefined.
        crate::step!("sec-regexphasflag", "2.a");
        if *r == agent.intrinsic(Intrinsic::RegExpPrototype) {
            return Ok(Value::Undefined);
        }
        // b. Otherwise, throw a TypeError exception.
        crate::step!("sec-regexphasflag", "2.b");
        return Err(agent.type_error(&format!(
            "RegExp.prototype.{name} getter called on an object that is not a RegExp"
        )));
    };
    // 3. Let flags be R.[[OriginalFlags]].
    crate::step!("sec-regexphasflag", "3");
    // 4. If flags contains codeUnit, return true.
    crate::step!("sec-regexphasflag", "4");
    // 5. Return false.
    crate::step!("sec-regexphasflag", "5");
    Ok(Value::Boolean(flags.units().contains(&(code_unit as u16))))
}

macro_rules! flag_getters {
    ($($(#[$doc:meta])* $fn_name:ident => $flag:literal, $name:literal;)*) => {
        $(
            $(#[$doc])*
            pub(super) fn $fn_name(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
                // 1. Let R be the this value.
                // 2. Let cu be the code unit of the flag.
                // 3. Return ? RegExpHasFlag(R, cu).
                regexp_has_flag(agent, call.this, $flag, $name)
            }
        )*
    };
}

flag_getters! {
    /// get RegExp.prototype.dotAll (22.2.6.3).
    get_dot_all => 's', "dotAll";
    /// get RegExp.prototype.global (22.2.6.5).
    get_global => 'g', "global";
    /// get RegExp.prototype.hasIndices (22.2.6.6).
    get_has_indices => 'd', "hasIndices";
    /// get RegExp.prototype.ignoreCase (22.2.6.7).
    get_ignore_case => 'i', "ignoreCase";
    /// get RegExp.prototype.multiline (22.2.6.10).
    get_multiline => 'm', "multiline";
    /// get RegExp.prototype.sticky (22.2.6.15).
    get_sticky => 'y', "sticky";
    /// get RegExp.prototype.unicode (22.2.6.18).
    get_unicode => 'u', "unicode";
    /// get RegExp.prototype.unicodeSets (22.2.6.19).
    get_unicode_sets => 'v', "unicodeSets";
}

/// get RegExp.prototype.source (22.2.6.13).
pub(super) fn get_source(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let R be the this value.
    // 2. If R is not an Object, throw a TypeError exception.
    let r = this_object(agent, call, "source")?;
    // 3. If R does not have an [[OriginalSource]] internal slot, then
    let Some((src, _flags, _)) = regexp_slots(&r) else {
        // a. If SameValue(R, %RegExp.prototype%) is true, return "(?:)".
        if r == agent.intrinsic(Intrinsic::RegExpPrototype) {
            return Ok(Value::string("(?:)"));
        }
        // b. Otherwise, throw a TypeError exception.
        return Err(agent.type_error(
            "RegExp.prototype.source getter called on an object that is not a RegExp",
        ));
    };
    // 4. Assert: R has an [[OriginalFlags]] internal slot.
    // 5. Let src be R.[[OriginalSource]].
    // 6. Let flags be R.[[OriginalFlags]].
    // 7. Return EscapeRegExpPattern(src, flags).
    Ok(Value::String(escape_regexp_pattern(&src).or_throw(agent)?))
}

/// RegExp.prototype.test ( S ) (22.2.6.16).
pub(super) fn test(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let R be the this value.
    // 2. If R is not an Object, throw a TypeError exception.
    let r = this_object(agent, call, "test")?;
    // 3. Let string be ? ToString(S).
    let string = to_string(agent, &call.arg(0))?;
    // 4. Let match be ? RegExpExec(R, string).
    let m = regexp_exec(agent, &r, &string)?;
    // 5. If match is not null, return true; else return false.
    Ok(Value::Boolean(!matches!(m, Value::Null)))
}

/// RegExp.prototype.toString ( ) (22.2.6.17).
pub(super) fn to_string_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let R be the this value.
    // 2. If R is not an Object, throw a TypeError exception.
    let r = this_object(agent, call, "toString")?;
    // 3. Let pattern be ? ToString(? Get(R, "source")).
    let source = get(agent, &r, &"source".into())?;
    let pattern = to_string(agent, &source)?;
    // 4. Let flags be ? ToString(? Get(R, "flags")).
    let flags = get(agent, &r, &"flags".into())?;
    let flags = to_string(agent, &flags)?;
    // 5. Let result be the string-concatenation of "/", pattern, "/", and flags.
    let slash = JsString::from("/");
    // 6. Return result.
    let result = slash
        .concat_in(agent, &pattern)?
        .concat_in(agent, &slash)?
        .concat_in(agent, &flags)?;
    Ok(Value::String(result))
}

/// RegExp.prototype.compile ( pattern, flags ) (B.2.4.1).
pub(super) fn compile(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[RegExpMatcher]]).
    let o = require_internal_slot(
        agent,
        call.this,
        InternalSlot::RegExpMatcher,
        "RegExp.prototype.compile",
    )?;
    let pattern = call.arg(0);
    let flags = call.arg(1);
    let slots = match &pattern {
        Value::Object(p) => regexp_slots(p),
        _ => None,
    };
    let (p, f) = if let Some((source, original_flags, _)) = slots {
        // 3. If pattern is an Object and pattern has a [[RegExpMatcher]] internal slot, then
        //    a. If flags is not undefined, throw a TypeError exception.
        if !flags.is_undefined() {
            return Err(agent.type_error(
                "RegExp.prototype.compile: flags must be undefined when the pattern is a RegExp",
            ));
        }
        //    b. Let P be pattern.[[OriginalSource]].
        //    c. Let F be pattern.[[OriginalFlags]].
        (Value::String(source), Value::String(original_flags))
    } else {
        // 4. Else,
        //    a. Let P be pattern.
        //    b. Let F be flags.
        (pattern, flags)
    };
    // 5. Return ? RegExpInitialize(O, P, F).
    Ok(Value::Object(regexp_initialize(agent, &o, &p, &f)?))
}
