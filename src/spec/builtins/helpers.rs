//! Shared helpers of the built-in library: defining built-in properties as ECMA-262 17
//! (ECMAScript Standard Built-in Objects) specifies their attributes, and reading
//! arguments.

use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{create_builtin_function, Behaviour, BuiltinSteps};
use crate::spec::ecmascript_function_objects::FunctionName;
use crate::spec::object_type::{Object, Property, PropertyKey};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::value::Value;

/// Defines a built-in method `name` of `target`: "every other data property ... has the
/// attributes { [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: true }".
pub fn define_method(
    agent: &mut Agent,
    target: &Object,
    name: impl Into<PropertyKey>,
    length: u32,
    behaviour: Behaviour,
) -> Object {
    let key: PropertyKey = name.into();
    let f = create_builtin_function(
        agent,
        BuiltinSteps::Behaviour(behaviour),
        f64::from(length),
        FunctionName::Key(key.clone()),
        None,
        None,
        None,
        false,
    );
    target.insert_property(
        key,
        Property::data(Value::Object(f.clone()), true, false, true),
    );
    f
}

/// Defines a built-in accessor property (getter and optional setter), enumerable false,
/// configurable true; the functions are named "get name" / "set name".
pub fn define_accessor(
    agent: &mut Agent,
    target: &Object,
    name: impl Into<PropertyKey>,
    getter: Option<Behaviour>,
    setter: Option<Behaviour>,
) {
    let key: PropertyKey = name.into();
    let make = |agent: &mut Agent, behaviour: Behaviour, prefix: &str, length: f64| {
        Value::Object(create_builtin_function(
            agent,
            BuiltinSteps::Behaviour(behaviour),
            length,
            FunctionName::Key(key.clone()),
            None,
            None,
            Some(prefix),
            false,
        ))
    };
    let get = getter.map_or(Value::Undefined, |g| make(agent, g, "get", 0.0));
    let set = setter.map_or(Value::Undefined, |s| make(agent, s, "set", 1.0));
    target.insert_property(
        key,
        Property::Accessor {
            get: crate::spec::object_type::accessor_attribute(get),
            set: crate::spec::object_type::accessor_attribute(set),
            enumerable: false,
            configurable: true,
        },
    );
}

/// Defines a data property with explicit attributes.
pub fn define_value(
    target: &Object,
    name: impl Into<PropertyKey>,
    value: Value,
    writable: bool,
    enumerable: bool,
    configurable: bool,
) {
    target.insert_property(
        name.into(),
        Property::data(value, writable, enumerable, configurable),
    );
}

// The arguments are CreateBuiltinFunction's plus the intrinsic to register: a struct would
// only rename them.
#[allow(clippy::too_many_arguments)]
/// Creates a built-in constructor `name` with `length` whose "prototype" property is the
/// intrinsic `prototype` (non-writable, non-enumerable, non-configurable) and whose
/// prototype's "constructor" is it; registers it as the intrinsic `which`.
pub fn define_constructor(
    agent: &mut Agent,
    realm: &Realm,
    which: Intrinsic,
    name: &str,
    length: u32,
    behaviour: Behaviour,
    prototype: &Object,
    function_prototype: Option<Object>,
) -> Object {
    define_constructor_with_steps(
        agent,
        realm,
        which,
        name,
        length,
        BuiltinSteps::Behaviour(behaviour),
        prototype,
        function_prototype,
    )
}

// As define_constructor.
#[allow(clippy::too_many_arguments)]
/// [`define_constructor`] for a constructor whose steps are an Abstract Closure (one
/// behaviour shared by several constructors, each with its own captures).
pub fn define_constructor_with_steps(
    agent: &mut Agent,
    realm: &Realm,
    which: Intrinsic,
    name: &str,
    length: u32,
    steps: BuiltinSteps,
    prototype: &Object,
    function_prototype: Option<Object>,
) -> Object {
    let f = create_builtin_function(
        agent,
        steps,
        f64::from(length),
        FunctionName::Key(PropertyKey::from_str(name)),
        Some(realm.clone()),
        function_prototype,
        None,
        true,
    );
    link_constructor_and_prototype(&f, prototype);
    realm.set_intrinsic(which, f.clone());
    f
}

/// A built-in constructor's two links, as clauses 19-28 give them: `f.prototype` is
/// `prototype` (non-writable, non-enumerable, non-configurable) and `prototype.constructor`
/// is `f` (writable, non-enumerable, configurable).
pub fn link_constructor_and_prototype(f: &Object, prototype: &Object) {
    define_value(
        f,
        "prototype",
        Value::Object(prototype.clone()),
        false,
        false,
        false,
    );
    define_value(
        prototype,
        "constructor",
        Value::Object(f.clone()),
        true,
        false,
        true,
    );
}
