//! 19 The Global Object (sec-global-object): its value properties (19.1), `eval` (19.2.1)
//! and SetDefaultGlobalBindings (9.3.3).

use super::helpers::define_value;
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{create_builtin_function, BuiltinSteps};
use crate::spec::ecmascript_function_objects::FunctionName;
use crate::spec::global_object::eval;
use crate::spec::object_type::Object;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::value::Value;

/// Creates %eval% (the realm's default Evaluators' [[Eval]]).
pub fn create_global_function_intrinsics(agent: &mut Agent, realm: &Realm) {
    let eval = create_builtin_function(
        agent,
        BuiltinSteps::Behaviour(eval),
        1.0,
        FunctionName::Key("eval".into()),
        Some(realm.clone()),
        None,
        None,
        false,
    );
    realm.set_intrinsic(Intrinsic::Eval, eval);
}

/// The constructors and namespaces that become global properties when they exist.
pub const GLOBAL_INTRINSICS: &[(&str, Intrinsic)] = &[
    ("AggregateError", Intrinsic::AggregateError),
    ("Error", Intrinsic::Error),
    ("EvalError", Intrinsic::EvalError),
    ("Function", Intrinsic::Function),
    ("Object", Intrinsic::Object),
    ("RangeError", Intrinsic::RangeError),
    ("ReferenceError", Intrinsic::ReferenceError),
    ("SyntaxError", Intrinsic::SyntaxError),
    ("TypeError", Intrinsic::TypeError),
    ("URIError", Intrinsic::URIError),
    ("eval", Intrinsic::Eval),
    ("Array", Intrinsic::Array),
    ("String", Intrinsic::String),
    ("Boolean", Intrinsic::Boolean),
    ("Number", Intrinsic::Number),
    ("BigInt", Intrinsic::BigInt),
    ("Symbol", Intrinsic::Symbol),
    ("Iterator", Intrinsic::Iterator),
    ("Math", Intrinsic::Math),
    ("JSON", Intrinsic::Json),
    ("Reflect", Intrinsic::Reflect),
    ("Proxy", Intrinsic::Proxy),
    ("Date", Intrinsic::Date),
    ("RegExp", Intrinsic::RegExp),
    ("ArrayBuffer", Intrinsic::ArrayBuffer),
    ("SharedArrayBuffer", Intrinsic::SharedArrayBuffer),
    ("DataView", Intrinsic::DataView),
    ("Atomics", Intrinsic::Atomics),
    ("Int8Array", Intrinsic::Int8Array),
    ("Uint8Array", Intrinsic::Uint8Array),
    ("Uint8ClampedArray", Intrinsic::Uint8ClampedArray),
    ("Int16Array", Intrinsic::Int16Array),
    ("Uint16Array", Intrinsic::Uint16Array),
    ("Int32Array", Intrinsic::Int32Array),
    ("Uint32Array", Intrinsic::Uint32Array),
    ("BigInt64Array", Intrinsic::BigInt64Array),
    ("BigUint64Array", Intrinsic::BigUint64Array),
    ("Float16Array", Intrinsic::Float16Array),
    ("Float32Array", Intrinsic::Float32Array),
    ("Float64Array", Intrinsic::Float64Array),
    ("Map", Intrinsic::Map),
    ("Set", Intrinsic::Set),
    ("WeakMap", Intrinsic::WeakMap),
    ("WeakSet", Intrinsic::WeakSet),
    ("WeakRef", Intrinsic::WeakRef),
    ("FinalizationRegistry", Intrinsic::FinalizationRegistry),
    ("Promise", Intrinsic::Promise),
    ("ModuleSource", Intrinsic::ModuleSource),
    ("Module", Intrinsic::Module),
    ("Evaluators", Intrinsic::Evaluators),
    ("Compartment", Intrinsic::Compartment),
    ("isFinite", Intrinsic::IsFinite),
    ("isNaN", Intrinsic::IsNaN),
    ("parseFloat", Intrinsic::ParseFloat),
    ("parseInt", Intrinsic::ParseInt),
    ("decodeURI", Intrinsic::DecodeURI),
    ("decodeURIComponent", Intrinsic::DecodeURIComponent),
    ("encodeURI", Intrinsic::EncodeURI),
    ("encodeURIComponent", Intrinsic::EncodeURIComponent),
];

/// SetDefaultGlobalBindings ( realmRec ) (9.3.3), on `global`.
pub fn set_default_global_bindings(realm: &Realm, global: &Object) {
    // 1. Let global be realmRec.[[GlobalObject]].
    crate::step!("sec-setdefaultglobalbindings", "1");
    // The properties of clause 19 this interpreter has: 19.1.1 globalThis ({ [[Writable]]:
    // true, [[Enumerable]]: false, [[Configurable]]: true }); 19.1.2-19.1.4 Infinity, NaN,
    // undefined (all attributes false); then the functions and constructors of 19.2-19.4
    // (writable and configurable, not enumerable).
    let mut properties: Vec<(&str, Value, bool)> = vec![
        ("globalThis", Value::Object(global.clone()), true),
        ("Infinity", Value::Number(f64::INFINITY), false),
        ("NaN", Value::Number(f64::NAN), false),
        ("undefined", Value::Undefined, false),
    ];
    {
        let intrinsics = realm.0.intrinsics.borrow();
        for (name, which) in GLOBAL_INTRINSICS {
            if let Some(object) = &intrinsics[*which as usize] {
                properties.push((name, Value::Object(object.clone()), true));
            }
        }
    }
    // 2. For each property of the Global Object specified in clause 19, do
    crate::step!("sec-setdefaultglobalbindings", "2");
    for (name, value, writable_and_configurable) in properties {
        // a. Let name be the String value of the property name.
        crate::step!("sec-setdefaultglobalbindings", "2.a");
        // b. Let desc be the fully populated data Property Descriptor for the property,
        //    containing the specified attributes for the property. For properties listed
        //    in 19.2, 19.3, or 19.4 the value of the [[Value]] attribute is the
        //    corresponding intrinsic object from realmRec.
        crate::step!("sec-setdefaultglobalbindings", "2.b");
        // c. Perform ? DefinePropertyOrThrow(global, name, desc). (global is a new
        //    ordinary object: the definition cannot fail.)
        crate::step!("sec-setdefaultglobalbindings", "2.c");
        define_value(
            global,
            name,
            value,
            writable_and_configurable,
            false,
            writable_and_configurable,
        );
    }
    // 3. Return unused.
    crate::step!("sec-setdefaultglobalbindings", "3");
}
