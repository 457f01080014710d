//! 22.2 RegExp (Regular Expression) Objects (sec-regexp-regular-expression-objects): the
//! abstract operations for RegExp creation (22.2.3), the RegExp constructor (22.2.4) and
//! its properties (22.2.5), %RegExp.prototype% (22.2.6) with the Symbol methods that
//! String.prototype.match / matchAll / replace / search / split defer to, RegExpExec and
//! RegExpBuiltinExec (22.2.7), and the Annex B method `compile` (B.2.4.1).
//! %RegExpStringIteratorPrototype% (22.2.9) is in `regexp_string_iterator.rs`.
//!
//! ## The matcher
//!
//! The spec's Pattern Semantics (22.2.2) compile a Pattern into a Matcher; here the
//! `regress` crate does (ParsePattern's early errors are checked first by our own parser,
//! `syntax::regexp::parse_pattern`, which also gives each capture group's name). The input
//! is the String's UTF-16 code units: with `u` or `v` regress reads them as code points
//! (surrogate pairs combined, lone surrogates as themselves: StringToCodePoints), without
//! them as code units (UCS-2), so that every index it reports is already a code-unit index
//! (GetStringIndex needs no conversion). Without `u`/`v` the pattern too is handed to
//! regress as code units, each a "BMP code point" as RegExpInitialize step 12 says.
//!
//! regress searches forward from a start index, trying the matcher at each position and
//! advancing one character (a code point with `u`/`v`, else a code unit) after a failure:
//! exactly the loop of RegExpBuiltinExec step 13 for a non-sticky RegExp. For a sticky one
//! the match must start at lastIndex: the leftmost match at or after lastIndex starts there
//! exactly when there is one there, so the search's first match is taken only if it does.
//!
//! A compiled matcher is immutable, so matchers are kept in a small per-thread cache keyed
//! by pattern and flags: evaluating a RegularExpressionLiteral in a loop creates a new
//! RegExp object each time (as 13.2.7.3 requires) without recompiling the pattern. No
//! program can tell.
//!
//! ## The parts
//!
//! The internal slots and the compiled matcher (`matcher.rs`), the abstract operations for
//! RegExp creation (`creation.rs`, 22.2.3), the constructor and its properties
//! (`constructor.rs`, 22.2.4-22.2.5), the methods and accessors of %RegExp.prototype%
//! (`prototype.rs`, 22.2.6, with B.2.4.1 compile), its Symbol methods (`symbol_methods.rs`,
//! 22.2.6.8-22.2.6.14), and the abstract operations for RegExp matching (`matching.rs`,
//! 22.2.7).

mod constructor;
pub mod creation;
pub mod matcher;
pub mod matching;
mod prototype;
pub mod symbol_methods;

use super::helpers::{define_accessor, define_constructor, define_method};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::Behaviour;
use crate::spec::object_type::PropertyKey;
use crate::spec::ordinary_object_internal_methods::ordinary_object_create;
use crate::spec::realms::{Intrinsic, Realm};
use constructor::{get_species, regexp_constructor};
use prototype::{
    compile, exec, get_dot_all, get_flags, get_global, get_has_indices, get_ignore_case,
    get_multiline, get_source, get_sticky, get_unicode, get_unicode_sets, test, to_string_method,
};
use symbol_methods::{symbol_match, symbol_match_all, symbol_replace, symbol_search, symbol_split};

/// Creates %RegExp%, %RegExp.prototype% and %RegExpStringIteratorPrototype%.
pub fn create_regexp_intrinsics(agent: &mut Agent, realm: &Realm) {
    // 22.2.6: %RegExp.prototype% "is an ordinary object. It is not a RegExp instance and
    // does not have a [[RegExpMatcher]] internal slot or any of the other internal slots
    // of RegExp instance objects."
    let prototype = ordinary_object_create(Some(realm.intrinsic(Intrinsic::ObjectPrototype)));
    realm.set_intrinsic(Intrinsic::RegExpPrototype, prototype.clone());
    // 22.2.5: the RegExp constructor "has a "length" property whose value is 2𝔽."
    let regexp = define_constructor(
        agent,
        realm,
        Intrinsic::RegExp,
        "RegExp",
        2,
        regexp_constructor,
        &prototype,
        None,
    );
    let species = PropertyKey::Symbol(agent.well_known.species.clone());
    define_accessor(agent, &regexp, species, Some(get_species), None);

    let exec_fn = define_method(agent, &prototype, "exec", 1, exec);
    realm.set_intrinsic(Intrinsic::RegExpPrototypeExec, exec_fn);
    let methods: [(&str, u32, Behaviour); 3] = [
        ("test", 1, test),
        ("toString", 0, to_string_method),
        // B.2.4.1
        ("compile", 2, compile),
    ];
    for (name, length, behaviour) in methods {
        define_method(agent, &prototype, name, length, behaviour);
    }
    let symbol_methods: [(crate::spec::symbol_type::Symbol, u32, Behaviour); 5] = [
        (agent.well_known.match_.clone(), 1, symbol_match),
        (agent.well_known.match_all.clone(), 1, symbol_match_all),
        (agent.well_known.replace.clone(), 2, symbol_replace),
        (agent.well_known.search.clone(), 1, symbol_search),
        (agent.well_known.split.clone(), 2, symbol_split),
    ];
    for (symbol, length, behaviour) in symbol_methods {
        define_method(
            agent,
            &prototype,
            PropertyKey::Symbol(symbol),
            length,
            behaviour,
        );
    }
    let getters: [(&str, Behaviour); 10] = [
        ("dotAll", get_dot_all),
        ("flags", get_flags),
        ("global", get_global),
        ("hasIndices", get_has_indices),
        ("ignoreCase", get_ignore_case),
        ("multiline", get_multiline),
        ("source", get_source),
        ("sticky", get_sticky),
        ("unicode", get_unicode),
        ("unicodeSets", get_unicode_sets),
    ];
    for (name, getter) in getters {
        define_accessor(agent, &prototype, name, Some(getter), None);
    }
    super::regexp_string_iterator::create_regexp_string_iterator_prototype(agent, realm);
}
