//! 23.1 Array Objects (sec-array-objects): the Array constructor (23.1.1), its functions
//! (23.1.2) and the methods of %Array.prototype% (23.1.3) other than the iterator methods
//! (values / keys / entries / [%Symbol.iterator%], in array_iterator.rs).
//!
//! Each loop over a length the program controls (an array-like's `length` can be
//! 2⁵³ − 1) checks the host's time and heap limits first (`agent.check_limits()`,
//! spec/resource_limits.rs).
//!
//! Indices are integers below 2^53 (`u64`); `index_key(k)` is ! ToString(𝔽(k)).
//!
//! The parts: the helpers the methods share (`common.rs`), the constructor and its functions
//! (`constructor.rs`, 23.1.1-23.1.2), and the methods of %Array.prototype% (23.1.3) by group:
//! the callback iteration methods (`iteration.rs`), search (`search.rs`), the mutators
//! (`mutators.rs`), the copying methods (`copying.rs`), sort and toSorted (`sort.rs`), and
//! the methods that make a String (`strings.rs`).

mod common;
mod constructor;
mod copying;
mod iteration;
mod mutators;
mod search;
mod sort;
mod strings;
#[cfg(test)]
mod tests;

// Public for %TypedArray%.prototype's methods (23.2.3), which share them.
pub use iteration::find_via_predicate;
pub use sort::{comparison_order, merge_sort};

use super::helpers::{define_accessor, define_constructor, define_method, define_value};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{create_builtin_function, Behaviour, BuiltinSteps};
use crate::spec::ecmascript_function_objects::FunctionName;
use crate::spec::object_type::{Property, PropertyKey};
use crate::spec::ordinary_object_internal_methods::ordinary_object_create;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::value::Value;
use constructor::{array_constructor, from, get_species, is_array_function, of};
use copying::{concat, flat, flat_map, slice, to_reversed, to_spliced, with};
use iteration::{
    every, filter, find, find_index, find_last, find_last_index, for_each, map, reduce,
    reduce_right, some,
};
use mutators::{copy_within, fill, pop, push, reverse, shift, splice, unshift};
use search::{at, includes, index_of, last_index_of};
use sort::{sort, to_sorted};
use strings::{join, to_locale_string, to_string_method};

/// Creates %Array% (23.1.2) and the methods of %Array.prototype% (23.1.3).
pub fn create_array_intrinsics(agent: &mut Agent, realm: &Realm) {
    let prototype = realm.intrinsic(Intrinsic::ArrayPrototype);
    let array = define_constructor(
        agent,
        realm,
        Intrinsic::Array,
        "Array",
        1,
        array_constructor,
        &prototype,
        None,
    );
    define_method(agent, &array, "from", 1, from);
    define_method(agent, &array, "isArray", 1, is_array_function);
    define_method(agent, &array, "of", 0, of);
    let species = PropertyKey::Symbol(agent.well_known.species.clone());
    define_accessor(agent, &array, species, Some(get_species), None);

    let methods: &[(&str, u32, Behaviour)] = &[
        ("at", 1, at),
        ("concat", 1, concat),
        ("copyWithin", 2, copy_within),
        ("every", 1, every),
        ("fill", 1, fill),
        ("filter", 1, filter),
        ("find", 1, find),
        ("findIndex", 1, find_index),
        ("findLast", 1, find_last),
        ("findLastIndex", 1, find_last_index),
        ("flat", 0, flat),
        ("flatMap", 1, flat_map),
        ("forEach", 1, for_each),
        ("includes", 1, includes),
        ("indexOf", 1, index_of),
        ("join", 1, join),
        ("lastIndexOf", 1, last_index_of),
        ("map", 1, map),
        ("pop", 0, pop),
        ("push", 1, push),
        ("reduce", 1, reduce),
        ("reduceRight", 1, reduce_right),
        ("reverse", 0, reverse),
        ("shift", 0, shift),
        ("slice", 2, slice),
        ("some", 1, some),
        ("sort", 1, sort),
        ("splice", 2, splice),
        ("toLocaleString", 0, to_locale_string),
        ("toReversed", 0, to_reversed),
        ("toSorted", 1, to_sorted),
        ("toSpliced", 2, to_spliced),
        ("unshift", 1, unshift),
        ("with", 2, with),
    ];
    for (name, length, behaviour) in methods {
        define_method(agent, &prototype, *name, *length, *behaviour);
    }
    // 23.1.3.36 Array.prototype.toString, which falls back on %Object.prototype.toString%
    // (captured here, as the intrinsic, before any script can replace the property).
    let object_to_string = match realm
        .intrinsic(Intrinsic::ObjectPrototype)
        .own_property(&"toString".into())
    {
        Some(Property::Data { value, .. }) => value,
        _ => Value::Undefined,
    };
    let to_string_fn = create_builtin_function(
        agent,
        BuiltinSteps::closure(to_string_method, object_to_string),
        0.0,
        FunctionName::Key("toString".into()),
        Some(realm.clone()),
        None,
        None,
        false,
    );
    define_value(
        &prototype,
        "toString",
        Value::Object(to_string_fn),
        true,
        false,
        true,
    );
    // 23.1.3.41 Array.prototype [ %Symbol.unscopables% ].
    // 1. Let unscopableList be OrdinaryObjectCreate(null).
    let unscopable_list = ordinary_object_create(None);
    // 2-17. Perform ! CreateDataPropertyOrThrow(unscopableList, name, true) for "at",
    //       "copyWithin", "entries", "fill", "find", "findIndex", "findLast",
    //       "findLastIndex", "flat", "flatMap", "includes", "keys", "toReversed",
    //       "toSorted", "toSpliced", "values".
    for name in [
        "at",
        "copyWithin",
        "entries",
        "fill",
        "find",
        "findIndex",
        "findLast",
        "findLastIndex",
        "flat",
        "flatMap",
        "includes",
        "keys",
        "toReversed",
        "toSorted",
        "toSpliced",
        "values",
    ] {
        define_value(
            &unscopable_list,
            name,
            Value::Boolean(true),
            true,
            true,
            true,
        );
    }
    // 18. Return unscopableList. "This property has the attributes { [[Writable]]: false,
    //     [[Enumerable]]: false, [[Configurable]]: true }."
    let unscopables = PropertyKey::Symbol(agent.well_known.unscopables.clone());
    define_value(
        &prototype,
        unscopables,
        Value::Object(unscopable_list),
        false,
        false,
        true,
    );
}
