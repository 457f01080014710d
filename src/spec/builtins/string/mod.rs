//! 22.1 String Objects (sec-string-objects): the String constructor, String.fromCharCode /
//! fromCodePoint / raw, the methods of %String.prototype% (a String exotic object whose
//! [[StringData]] is ""), %StringIteratorPrototype% (22.1.5) and the Annex B methods
//! (B.2.2: substr, trimLeft / trimRight and the HTML methods).
//!
//! match, matchAll, replace, replaceAll, search and split dispatch to a %Symbol.match% ...
//! %Symbol.split% method of their argument as the spec says, or create a RegExp
//! (RegExpCreate, in regexp/creation.rs) and invoke its method. Their step 2 looks the method up
//! only on an Object argument ("If regexp is an Object"), the text since ecma262 PR #3009
//! (2025), which test262 tests; before it read "If regexp is neither undefined nor null"
//! and looked it up on primitives too.
//!
//! The parts: the operations the methods share (`operations.rs`), the constructor and its
//! functions (`constructor.rs`, 22.1.1-22.1.2), the methods of %String.prototype% (22.1.3)
//! by group: character access, search and comparison (`access.rs`), the methods that build a
//! new String (`transforms.rs`), the methods that defer to a RegExp (`regexp_methods.rs`);
//! the String iterator (`iterator.rs`, 22.1.3.36 and 22.1.5) and Annex B (`annex_b.rs`).

mod access;
mod annex_b;
mod constructor;
mod iterator;
pub mod operations;
mod regexp_methods;
#[cfg(test)]
mod tests;
mod transforms;

use super::helpers::{define_constructor, define_method, define_value};
use crate::spec::agents::Agent;
use crate::spec::object_type::PropertyKey;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::value::Value;
use access::{
    at, char_at, char_code_at, code_point_at_method, ends_with, includes, index_of, is_well_formed,
    last_index_of, locale_compare, starts_with, to_string_method, value_of,
};
use annex_b::{
    anchor, big, blink, bold, fixed, fontcolor, fontsize, italics, link, small, strike, sub,
    substr, sup,
};
use constructor::{from_char_code, from_code_point, raw, string_constructor};
use iterator::{iterator, string_iterator_next};
use regexp_methods::{match_all, match_method, replace, replace_all, search, split};
use transforms::{
    concat, normalize, pad_end, pad_start, repeat, slice, substring, to_lower_case, to_upper_case,
    to_well_formed, trim, trim_end, trim_start,
};

/// Creates %String% (22.1.2), the methods of %String.prototype% (22.1.3) and
/// %StringIteratorPrototype% (22.1.5.1).
pub fn create_string_intrinsics(agent: &mut Agent, realm: &Realm) {
    let prototype = realm.intrinsic(Intrinsic::StringPrototype);
    let string = define_constructor(
        agent,
        realm,
        Intrinsic::String,
        "String",
        1,
        string_constructor,
        &prototype,
        None,
    );
    define_method(agent, &string, "fromCharCode", 1, from_char_code);
    define_method(agent, &string, "fromCodePoint", 1, from_code_point);
    define_method(agent, &string, "raw", 1, raw);

    let methods: &[(&str, u32, crate::spec::builtin_function_objects::Behaviour)] = &[
        ("at", 1, at),
        ("charAt", 1, char_at),
        ("charCodeAt", 1, char_code_at),
        ("codePointAt", 1, code_point_at_method),
        ("concat", 1, concat),
        ("endsWith", 1, ends_with),
        ("includes", 1, includes),
        ("indexOf", 1, index_of),
        ("isWellFormed", 0, is_well_formed),
        ("lastIndexOf", 1, last_index_of),
        ("localeCompare", 1, locale_compare),
        ("match", 1, match_method),
        ("matchAll", 1, match_all),
        ("normalize", 0, normalize),
        ("padEnd", 1, pad_end),
        ("padStart", 1, pad_start),
        ("repeat", 1, repeat),
        ("replace", 2, replace),
        ("replaceAll", 2, replace_all),
        ("search", 1, search),
        ("slice", 2, slice),
        ("split", 2, split),
        ("startsWith", 1, starts_with),
        ("substring", 2, substring),
        ("toLocaleLowerCase", 0, to_lower_case),
        ("toLocaleUpperCase", 0, to_upper_case),
        ("toLowerCase", 0, to_lower_case),
        ("toString", 0, to_string_method),
        ("toUpperCase", 0, to_upper_case),
        ("toWellFormed", 0, to_well_formed),
        ("trim", 0, trim),
        ("valueOf", 0, value_of),
        // B.2.2.1 and the HTML methods B.2.2.2-B.2.2.14.
        ("substr", 2, substr),
        ("anchor", 1, anchor),
        ("big", 0, big),
        ("blink", 0, blink),
        ("bold", 0, bold),
        ("fixed", 0, fixed),
        ("fontcolor", 1, fontcolor),
        ("fontsize", 1, fontsize),
        ("italics", 0, italics),
        ("link", 1, link),
        ("small", 0, small),
        ("strike", 0, strike),
        ("sub", 0, sub),
        ("sup", 0, sup),
    ];
    for (name, length, behaviour) in methods {
        define_method(agent, &prototype, *name, *length, *behaviour);
    }
    // B.2.2.15 String.prototype.trimLeft / B.2.2.16 trimRight: "The initial value of the
    // "trimLeft" property is %String.prototype.trimStart%" (and trimRight is trimEnd).
    let trim_end_fn = define_method(agent, &prototype, "trimEnd", 0, trim_end);
    let trim_start_fn = define_method(agent, &prototype, "trimStart", 0, trim_start);
    define_value(
        &prototype,
        "trimLeft",
        Value::Object(trim_start_fn),
        true,
        false,
        true,
    );
    define_value(
        &prototype,
        "trimRight",
        Value::Object(trim_end_fn),
        true,
        false,
        true,
    );
    let iterator_key = PropertyKey::Symbol(agent.well_known.iterator.clone());
    define_method(agent, &prototype, iterator_key, 0, iterator);

    // 22.1.5.1 The %StringIteratorPrototype% Object.
    let string_iterator_prototype = realm.intrinsic(Intrinsic::StringIteratorPrototype);
    define_method(
        agent,
        &string_iterator_prototype,
        "next",
        0,
        string_iterator_next,
    );
    // 22.1.5.1.2 %StringIteratorPrototype% [ %Symbol.toStringTag% ]: "String Iterator",
    // { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(
        &string_iterator_prototype,
        tag,
        Value::string("String Iterator"),
        false,
        false,
        true,
    );
}
