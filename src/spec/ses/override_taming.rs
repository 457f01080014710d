//! EnablePropertyOverrides ( realm, overrideTaming ) (informal S5 `ses-override-taming`):
//! the antidote to the "override mistake". Once %Object.prototype% is frozen, `obj.toString
//! = f` on an ordinary object that inherits `toString` fails (OrdinarySet refuses to shadow
//! an inherited non-writable data property). For each enabled property, lockdown replaces
//! the writable data property of the intrinsic by an accessor: its getter returns the
//! value; its setter, when the receiver is not the intrinsic itself, defines the property
//! on the receiver (or sets it when the receiver has it), and on the intrinsic throws a
//! TypeError as assigning a frozen property does in strict code.
//!
//! Which properties: `min` — %Object.prototype%.toString, %Function.prototype%.toString
//! and %Error.prototype%'s name and message; `moderate` (SES's default) — in addition every
//! method of %Object.prototype%, `constructor`, `bind`, `apply`, `call` and `name` of
//! %Function.prototype%, `constructor` and `toString` of %Error.prototype% and the native
//! errors' `name` and `message`, `toString`, `push` and `concat` of %Array.prototype%,
//! `constructor` and `then` of %Promise.prototype%, `constructor` of the iterator and
//! generator prototypes; `severe` — every writable data property of every prototype
//! intrinsic. (Our own lists, chosen to match what SES's documentation and tests say
//! assignments must keep working; docs/spec-issues.md.)

use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{create_builtin_function, BuiltinCall, BuiltinSteps};
use crate::spec::completion_record::JsResult;
use crate::spec::ecmascript_function_objects::FunctionName;
use crate::spec::object_type::{Object, Property, PropertyKey};
use crate::spec::operations_on_objects::{create_data_property_or_throw, has_own_property, set};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::value::Value;
use crate::step;
use boa_gc::{custom_trace, Finalize, Trace};

/// The enabled properties of `min`.
const MIN: &[(Intrinsic, &[&str])] = &[
    (Intrinsic::ObjectPrototype, &["toString"]),
    (Intrinsic::FunctionPrototype, &["toString"]),
    (Intrinsic::ErrorPrototype, &["name", "message"]),
];

/// What `moderate` enables beyond `min`.
const MODERATE: &[(Intrinsic, &[&str])] = &[
    (
        Intrinsic::ObjectPrototype,
        &[
            "constructor",
            "toLocaleString",
            "valueOf",
            "hasOwnProperty",
            "isPrototypeOf",
            "propertyIsEnumerable",
        ],
    ),
    (
        Intrinsic::FunctionPrototype,
        &["constructor", "bind", "apply", "call", "name"],
    ),
    (Intrinsic::ErrorPrototype, &["constructor", "toString"]),
    (Intrinsic::EvalErrorPrototype, &["name", "message"]),
    (Intrinsic::RangeErrorPrototype, &["name", "message"]),
    (Intrinsic::ReferenceErrorPrototype, &["name", "message"]),
    (Intrinsic::SyntaxErrorPrototype, &["name", "message"]),
    (Intrinsic::TypeErrorPrototype, &["name", "message"]),
    (Intrinsic::URIErrorPrototype, &["name", "message"]),
    (Intrinsic::ArrayPrototype, &["toString", "push", "concat"]),
    (Intrinsic::PromisePrototype, &["constructor", "then"]),
    (Intrinsic::IteratorPrototype, &["constructor"]),
    (Intrinsic::GeneratorPrototype, &["constructor"]),
];

/// EnablePropertyOverrides ( realm, overrideTaming ) (S5).
pub fn enable_property_overrides(agent: &mut Agent, realm: &Realm, override_taming: &str) {
    // 1. Let enabled be the (intrinsic, names) List of overrideTaming (min, moderate, or
    //    for severe every writable data property of every intrinsic named
    //    "%….prototype%").
    step!("ses-override-taming", "1");
    let mut enabled: Vec<(Object, Vec<PropertyKey>)> = Vec::new();
    let lists: &[&[(Intrinsic, &[&str])]] = match override_taming {
        "min" => &[MIN],
        "severe" => &[],
        _ => &[MIN, MODERATE],
    };
    for list in lists {
        for (which, names) in list.iter() {
            let keys = names.iter().map(|n| PropertyKey::from_str(n)).collect();
            enabled.push((realm.intrinsic(*which), keys));
        }
    }
    if override_taming == "severe" {
        for which in Intrinsic::ALL {
            if !which.name().ends_with(".prototype%") {
                continue;
            }
            let Some(object) = realm.0.intrinsics.borrow()[*which as usize].clone() else {
                continue;
            };
            let keys = object.data().properties.0.keys().collect();
            enabled.push((object, keys));
        }
    }
    // 2. For each enabled (object, key) whose property is a writable data property, replace
    //    it by the accessor of EnableOverride(object, key, value).
    step!("ses-override-taming", "2");
    for (object, keys) in enabled {
        for key in keys {
            let Some(Property::Data {
                value,
                writable: true,
                enumerable,
                configurable: true,
            }) = object.own_property(&key)
            else {
                continue;
            };
            enable_override(agent, realm, &object, key, value, enumerable);
        }
    }
}

/// EnableOverride ( home, key, value ) (S5 step 2): the accessor standing for the
/// property.
fn enable_override(
    agent: &mut Agent,
    realm: &Realm,
    home: &Object,
    key: PropertyKey,
    value: Value,
    enumerable: bool,
) {
    let captures = Override {
        home: home.clone(),
        key: key.clone(),
        value,
    };
    let make = |agent: &mut Agent, steps: BuiltinSteps, prefix: &str, length: f64| {
        create_builtin_function(
            agent,
            steps,
            length,
            FunctionName::Key(key.clone()),
            Some(realm.clone()),
            None,
            Some(prefix),
            false,
        )
    };
    let getter = make(
        agent,
        BuiltinSteps::closure(override_get, captures.clone()),
        "get",
        0.0,
    );
    let setter = make(
        agent,
        BuiltinSteps::closure(override_set, captures),
        "set",
        1.0,
    );
    home.insert_property(
        key,
        Property::Accessor {
            get: Some(getter),
            set: Some(setter),
            enumerable,
            configurable: true,
        },
    );
}

/// What an override accessor captures: the intrinsic, the key and the value.
#[derive(Clone, Finalize)]
pub struct Override {
    home: Object,
    key: PropertyKey,
    value: Value,
}

// SAFETY: every field that can hold a Gc pointer is traced.
unsafe impl Trace for Override {
    custom_trace!(this, mark, {
        mark(&this.home);
        mark(&this.key);
        mark(&this.value);
    });
}

/// The getter: the value.
fn override_get(_agent: &mut Agent, _call: &BuiltinCall, o: &Override) -> JsResult<Value> {
    Ok(o.value.clone())
}

/// The setter: on the intrinsic itself a TypeError (it is frozen); on a receiver that has
/// the property, ? Set(receiver, key, v, true); otherwise ? CreateDataPropertyOrThrow
/// (receiver, key, v) — the assignment shadows the inherited property as it would without
/// the freeze.
fn override_set(agent: &mut Agent, call: &BuiltinCall, o: &Override) -> JsResult<Value> {
    let Value::Object(receiver) = call.this else {
        return Err(agent.type_error("cannot assign a property of a primitive after lockdown()"));
    };
    if *receiver == o.home {
        return Err(agent.type_error(&format!(
            "Cannot assign to read only property '{}' of a hardened intrinsic",
            crate::spec::event_log::brief(&o.key.to_value()).trim_matches('"')
        )));
    }
    if has_own_property(agent, receiver, &o.key)? {
        set(agent, receiver, &o.key, call.arg(0), true)?;
    } else {
        create_data_property_or_throw(agent, receiver, &o.key, call.arg(0))?;
    }
    Ok(Value::Undefined)
}
